#!/usr/bin/env bash
# The web server under load: wrk drives POST /api/v1/advice (the full advice, the odds included) on
# loopback with 8 connections, for one household and for 648 different ones; the engine's own rate on every
# core for the same household (advise-bench) for comparison; and a soak with the server's memory sampled.
#   Benchmarks/server-load.sh [SECONDS_A_RUN [SOAK_SECONDS]]     (defaults 30 and 300; needs Debian's wrk)
# Prints a Markdown table: medians of three runs.
set -euo pipefail
cd "$(dirname "$0")/.."
run=${1:-30}
soak=${2:-300}
command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 1; }
echo "building release…" >&2
swift build -c release --traits Server --product advise-server >&2
swift build -c release --traits Server --product advise-bench >&2
swift build -c release --traits Server --product advise >&2

# The server as a ward runs it: every advice recorded in its advice log (a fresh one, removed after) — the API
# records only for an officer's token, so wrk sends one — and, for the one-household figure, once more without
# the log (--no-log), to show what the log costs.
log=$(mktemp)
db=$(mktemp -d)
start() { # flags → the server's pid in $server and its advice URL in $url
  : >"$log"
  .build/release/advise-server --port 0 "$@" >"$log" 2>/dev/null &
  server=$!
  for _ in $(seq 100); do grep -q "http://" "$log" && break; sleep 0.1; done
  url="$(sed -n 's|.*\(http://[^ ]*/\) .*|\1|p' "$log" | head -1)api/v1/advice"
}
trap 'kill $server 2>/dev/null; rm -rf "$log" "$db"' EXIT
start --no-log

median() { python3 -c 'import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }
ms() { # wrk's latency (e.g. 13.77ms, 1.20s, 900.00us) in ms
  python3 -c 'import re,sys; v,u=re.match(r"([0-9.]+)(us|ms|s)",sys.argv[1]).groups(); print(float(v)*{"us":0.001,"ms":1,"s":1000}[u])' "$1"
}
auth=()
load() { # script → "rps p50 p99" medians of three runs
  local rps=() p50=() p99=()
  wrk -t2 -c8 -d3s "${auth[@]}" -s "$1" "$url" >/dev/null  # warm-up
  for _ in 1 2 3; do
    out=$(wrk -t2 -c8 -d"${run}s" --latency "${auth[@]}" -s "$1" "$url")
    rps+=("$(echo "$out" | awk '/Requests\/sec/ {print $2}')")
    p50+=("$(ms "$(echo "$out" | awk '$1 == "50%" {print $2}')")")
    p99+=("$(ms "$(echo "$out" | awk '$1 == "99%" {print $2}')")")
    if echo "$out" | grep -q "Non-2xx"; then echo "errors in the run: $out" >&2; exit 1; fi
  done
  echo "$(median "${rps[@]}") $(median "${p50[@]}") $(median "${p99[@]}")"
}
read -r bare_rps bare_p50 bare_p99 < <(load Benchmarks/advice-post.lua)
kill $server; wait $server 2>/dev/null || true
echo "bench-officer-password" | .build/release/advise users add bench --role officer --password-stdin --log-db "$db/advice-log.sqlite" 2>/dev/null
auth=(-H "Authorization: Bearer $(.build/release/advise users token bench --log-db "$db/advice-log.sqlite" 2>/dev/null)")
start --log-db "$db/advice-log.sqlite"
read -r one_rps one_p50 one_p99 < <(load Benchmarks/advice-post.lua)
read -r many_rps many_p50 many_p99 < <(load Benchmarks/advice-households.lua)

# the engine in process, on every core, for the same household (parse, advice with the odds, JSON)
engine_ms=$(.build/release/advise-bench Rules "server answers it, on every core" | awk -F'\t' '{print $3}')
engine_rps=$(python3 -c 'import sys; v,u=sys.argv[1].split(); print(round(1000/(float(v) if u=="ms" else float(v)/1000)))' "$engine_ms")

# the soak: memory (RSS) sampled every 10 s under load
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$server/status"; }
before=$(rss)
wrk -t2 -c8 -d"${soak}s" "${auth[@]}" -s Benchmarks/advice-households.lua "$url" >/dev/null &
load_pid=$!
samples=()
while kill -0 $load_pid 2>/dev/null; do samples+=("$(rss)"); sleep 10; done
after=$(rss)
peak=$(printf '%s\n' "${samples[@]}" | sort -n | tail -1)
first=${samples[1]:-${samples[0]}}

echo
echo "| measure (2 threads, 8 connections, ${run}-s runs, median of 3) | figure |"
echo "|---|---|"
echo "| one household, every answer recorded in the advice log: requests/s, p50, p99 | $one_rps /s, $one_p50 ms, $one_p99 ms |"
echo "| one household, without the log (--no-log) | $bare_rps /s, $bare_p50 ms, $bare_p99 ms |"
echo "| 648 different households in turn: requests/s, p50, p99 | $many_rps /s, $many_p50 ms, $many_p99 ms |"
echo "| the engine in process on every core, same household (advise-bench) | $engine_ms an answer — $engine_rps /s |"
echo "| server / engine in process: with the log, without | $(python3 -c "print(f'{$one_rps / $engine_rps * 100:.0f} %, {$bare_rps / $engine_rps * 100:.0f} %')") |"
echo "| memory over a ${soak}-s soak (RSS): before, after 10 s, peak, end | $before MB, $first MB, $peak MB, $after MB |"
rows=$(sqlite3 "$db/advice-log.sqlite" 'select count(*) from advice' 2>/dev/null || echo "?")
echo "| advice recorded in the log over the whole run; its size | $rows; $(du -m "$db/advice-log.sqlite" | cut -f1) MB |"
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u +%Y-%m-%d)"
