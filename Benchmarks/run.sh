#!/usr/bin/env bash
# The benchmark: advise against the GoRules ZEN peer on the same households, in the same run, on two lists:
#   - the peer's rows (../shared/peers/gen_households.py): land from 11 sizes, capital in whole millions —
#     few distinct profiles, so advise's memos answer most rows;
#   - register-like rows (Benchmarks/gen_register.py): land to the m² (log-normal around 2,500 m²), capital
#     to the 100.000 ₫ (log-normal around 60 M), every column varied — about 98 % distinct rows, as a ward's
#     register; scale claims come from this list.
#   Benchmarks/run.sh [ROWS] [REGISTER_ROWS]   (defaults 1,000,000 and ROWS; RUNS=5 runs of each batch path)
# Prints a Markdown table of the figures and the ratios. Work files go to ${BENCH_DIR:-/tmp/advise-bench}.
# Needs python3, and pip access for zen-engine once.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
register_rows=${2:-$rows}
repeat=${RUNS:-5}
work=${BENCH_DIR:-/tmp/advise-bench}
peers=${PEERS_DIR:-../shared/peers}
mkdir -p "$work"

echo "building release…" >&2
swift build -c release --product advise >&2
swift build -c release --product advise-bench >&2
bin=.build/release/advise

if [ ! -x "$work/venv/bin/python" ]; then
  echo "setting up the peer (zen-engine from PyPI) in $work/venv…" >&2
  python3 -m venv "$work/venv" && "$work/venv/bin/pip" install -q zen-engine >&2
fi

[ -f "$work/households-$rows.csv" ] || python3 "$peers/gen_households.py" "$rows" > "$work/households-$rows.csv"
[ -f "$work/households-100000.csv" ] || python3 "$peers/gen_households.py" 100000 > "$work/households-100000.csv"
[ -f "$work/register-$register_rows.csv" ] || python3 Benchmarks/gen_register.py "$register_rows" > "$work/register-$register_rows.csv"
big="$work/households-$rows.csv"
register="$work/register-$register_rows.csv"

median() { python3 -c 'import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }
rate() { python3 -c "print(round($1 / $2))"; }

# advise batch, end to end (read, parse, evaluate, write), the median of RUNS runs: the default (each row's
# best whole-farm plan, as single-household advice) or --single (each row's best single model)
runs() {
  local file=$1 times=()
  shift
  for _ in $(seq "$repeat"); do
    times+=("$( { /usr/bin/time -f "%e" "$bin" batch "$file" "$@" -o "$work/out.csv" 2>&1 >/dev/null; } | tail -1)")
  done
  median "${times[@]}"
}
# the peer, on the same file: the engine's own batch call (evaluation only; reading the CSV is not timed),
# the median of three runs
zen() {
  local rates=()
  for _ in 1 2 3; do
    rates+=("$("$work/venv/bin/python" "$peers/zen_advise.py" "$1" --batch | python3 -c 'import re,sys; print(re.search(r": ([0-9]+) households/s", sys.stdin.read()).group(1))')")
  done
  median "${rates[@]}"
}
plans_s=$(runs "$big"); single_s=$(runs "$big" --single); zen_rate=$(zen "$big")
reg_plans_s=$(runs "$register"); reg_single_s=$(runs "$register" --single); reg_zen_rate=$(zen "$register")

# peak memory of advise batch
mem_small=$( { /usr/bin/time -f "%M" "$bin" batch "$work/households-100000.csv" -o "$work/out-small.csv" 2>&1 >/dev/null; } | tail -1)
mem_big=$( { /usr/bin/time -f "%M" "$bin" batch "$big" -o "$work/out.csv" 2>&1 >/dev/null; } | tail -1)
mem_single=$( { /usr/bin/time -f "%M" "$bin" batch "$big" --single -o "$work/out.csv" 2>&1 >/dev/null; } | tail -1)
mem_register=$( { /usr/bin/time -f "%M" "$bin" batch "$register" -o "$work/out.csv" 2>&1 >/dev/null; } | tail -1)

# cold start of `advise --land 7000` (load and check the rules, evaluate with the odds, print), median of 30
# runs: from an empty folder (the rule set built into the binary) and from the project's root (its Rules/)
cold() {
  python3 - "$(realpath "$bin")" "$1" <<'PY'
import statistics, subprocess, sys, time
times = []
for _ in range(33):
    t = time.perf_counter(); subprocess.run([sys.argv[1], "--land", "7000"], stdout=subprocess.DEVNULL, check=True, cwd=sys.argv[2]); times.append(time.perf_counter() - t)
print(f"{statistics.median(times[3:]) * 1000:.1f}")
PY
}
mkdir -p "$work/empty"
cold_empty=$(cold "$work/empty")
cold_rules=$(cold .)

echo
echo "| measure | figure |"
echo "|---|---|"
.build/release/advise-bench Rules | while IFS=$'\t' read -r name n value; do echo "| $name | $value |"; done
for list in peer register; do
  if [ $list = peer ]; then n=$rows; p=$plans_s; q=$single_s; z=$zen_rate; name="the peer's rows (gen_households.py, repeated profiles)"
  else n=$register_rows; p=$reg_plans_s; q=$reg_single_s; z=$reg_zen_rate; name="register-like rows (gen_register.py, 98 % distinct)"; fi
  echo "| $name, $n households: advise batch (default: each row's best plan), end to end (median of $repeat) | $p s — $(rate "$n" "$p") households/s |"
  echo "| $name: advise batch --single (each row's best single model), end to end (median of $repeat) | $q s — $(rate "$n" "$q") households/s |"
  echo "| $name: ZEN peer (zen_advise.py --batch, evaluation only; median of 3) | $z households/s |"
  echo "| $name: ratio advise --single / ZEN | $(python3 -c "print(f'{$(rate "$n" "$q") / $z:.1f}')")× |"
done
echo "| peak memory, advise batch, 100,000 rows | $((mem_small / 1024)) MB |"
echo "| peak memory, advise batch, $rows rows | $((mem_big / 1024)) MB |"
echo "| peak memory, advise batch --single, $rows rows | $((mem_single / 1024)) MB |"
echo "| peak memory, advise batch, $register_rows register-like rows | $((mem_register / 1024)) MB |"
echo "| cold \`advise --land 7000\` from an empty folder (the built-in rule set), median of 30 | $cold_empty ms |"
echo "| cold \`advise --land 7000\` in the project's root (Rules/), median of 30 | $cold_rules ms |"
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u +%Y-%m-%d)"
