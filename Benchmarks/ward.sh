#!/usr/bin/env bash
# advise ward on a register of N synthetic households (Samples/make-ward-register.py), with binding
# budgets: time and peak memory, the median of five runs, and the allocation's method and gap.
#   Benchmarks/ward.sh [N]        (default 10,000)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
work=${BENCH_DIR:-/tmp/advise-bench}
mkdir -p "$work"
swift build -c release --product advise >&2
python3 Samples/make-ward-register.py "$n" > "$work/ward-$n.csv"
flags=(--loan-capital vbsp-poor=200tr --loan-capital vbsp-near-poor=300tr --support 100tr --support-each 10tr --format json)
times=(); mems=()
for _ in 1 2 3 4 5; do
  read -r t m < <( { /usr/bin/time -f "%e %M" .build/release/advise ward "$work/ward-$n.csv" "${flags[@]}" -o "$work/ward-$n.json" 2>&1 >/dev/null; } | tail -1)
  times+=("$t"); mems+=("$m")
done
median() { python3 -c 'import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }
echo "| advise ward, $n households (plan, odds and allocation), median of 5 | $(median "${times[@]}") s, $(( $(median "${mems[@]}" | cut -d. -f1) / 1024 )) MB |"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(f\"| allocation | {d['method']}, expected lifted {d['expected_lifted']} of bound {d['bound']} (gap {d['optimality_gap']*100:.3f} %) |\")" "$work/ward-$n.json"
