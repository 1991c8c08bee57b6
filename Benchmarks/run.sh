#!/usr/bin/env bash
# The benchmark: advise against the GoRules ZEN peer on the same generated households, in the same run.
#   Benchmarks/run.sh [ROWS]          (default 1,000,000; needs python3, and pip access for zen-engine once)
# Prints a Markdown table of the figures and the ratios. Work files go to ${BENCH_DIR:-/tmp/advise-bench}.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
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
big="$work/households-$rows.csv"


median() { python3 -c 'import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }

# advise batch, end to end (read, parse, evaluate, write), the median of five runs of each: the default
# (each row's best whole-farm plan, as single-household advice) and --single (each row's best single model)
runs() {
  local times=()
  for _ in 1 2 3 4 5; do
    times+=("$( { /usr/bin/time -f "%e" "$bin" batch "$big" "$@" -o "$work/out.csv" 2>&1 >/dev/null; } | tail -1)")
  done
  median "${times[@]}"
}
plans_s=$(runs)
single_s=$(runs --single)
plans_rate=$(python3 -c "print(round($rows / $plans_s))")
advise_rate=$(python3 -c "print(round($rows / $single_s))")

# the peer, on the same file: the engine's own batch call (evaluation only; reading the CSV is not timed),
# the median of three runs
zen_rates=()
for _ in 1 2 3; do
  zen_line=$("$work/venv/bin/python" "$peers/zen_advise.py" "$big" --batch)
  zen_rates+=("$(echo "$zen_line" | python3 -c 'import re,sys; print(re.search(r": ([0-9]+) households/s", sys.stdin.read()).group(1))')")
done
zen_rate=$(median "${zen_rates[@]}")

# peak memory of advise batch
mem_small=$( { /usr/bin/time -f "%M" "$bin" batch "$work/households-100000.csv" -o "$work/out-small.csv" 2>&1 >/dev/null; } | tail -1)
mem_big=$( { /usr/bin/time -f "%M" "$bin" batch "$big" -o "$work/out.csv" 2>&1 >/dev/null; } | tail -1)
mem_single=$( { /usr/bin/time -f "%M" "$bin" batch "$big" --single -o "$work/out.csv" 2>&1 >/dev/null; } | tail -1)

# cold start of `advise --land 7000` (load and check the rules, evaluate, print): median of 30 runs
cold=$(python3 - "$bin" <<'PY'
import statistics, subprocess, sys, time
times = []
for _ in range(33):
    t = time.perf_counter(); subprocess.run([sys.argv[1], "--land", "7000"], stdout=subprocess.DEVNULL, check=True); times.append(time.perf_counter() - t)
print(f"{statistics.median(times[3:]) * 1000:.1f}")
PY
)

echo
echo "| measure | figure |"
echo "|---|---|"
.build/release/advise-bench Rules | while IFS=$'\t' read -r name n value; do echo "| $name | $value |"; done
echo "| advise batch (default: each row's best plan), $rows households, end to end (median of 5) | $plans_s s — $plans_rate households/s |"
echo "| advise batch --single (each row's best single model), same file (median of 5) | $single_s s — $advise_rate households/s |"
echo "| ZEN peer (zen_advise.py --batch, evaluation only), same file (median of 3) | $zen_rate households/s |"
echo "| ratio advise --single / ZEN | $(python3 -c "print(f'{$advise_rate / $zen_rate:.1f}')")× |"
echo "| peak memory, advise batch, 100,000 rows | $((mem_small / 1024)) MB |"
echo "| peak memory, advise batch, $rows rows | $((mem_big / 1024)) MB |"
echo "| peak memory, advise batch --single, $rows rows | $((mem_single / 1024)) MB |"
echo "| cold \`advise --land 7000\`, median of 30 | $cold ms |"
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u +%Y-%m-%d)"
