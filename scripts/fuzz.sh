#!/usr/bin/env bash
# Fuzzes the readers of untrusted input with libFuzzer and AddressSanitizer: one target each for the CSV /
# JSON Lines reader, the workbook (.xlsx) reader, the quantity parser, the YAML loader and the rule
# expression parser (AdviseKit's FuzzTarget; the package is Fuzz/).
#   scripts/fuzz.sh [SECONDS] [TARGET…]     (default: 60 seconds each, every target)
# Seeds are Fuzz/corpus/TARGET (read-only); what the fuzzer finds grows in ${FUZZ_DIR:-/tmp/advise-fuzz}.
# A crash leaves its input there as crash-*; replay it with: ADVISE_FUZZ_TARGET=TARGET Fuzz/.build/debug/advise-fuzz FILE
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(csv xlsx quantity yaml expression)
work=${FUZZ_DIR:-/tmp/advise-fuzz}
swift build --package-path Fuzz -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld --product advise-fuzz >&2
# Leaks in code we depend on (scripts/lsan.supp, with their reasons) are suppressed; any other leak is a finding.
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
status=0
for t in "${targets[@]}"; do
  mkdir -p "$work/$t"
  echo "== $t, $seconds s" >&2
  if ADVISE_FUZZ_TARGET=$t Fuzz/.build/debug/advise-fuzz "$work/$t" "Fuzz/corpus/$t" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=4096 \
       -artifact_prefix="$work/$t/" -print_final_stats=1 2>"$work/$t.log"; then
    echo "$t: $(grep -E 'stat::number_of_executed_units' "$work/$t.log" | awk '{print $2}') runs, no crash" >&2
  else
    echo "$t: FAILED — see $work/$t.log and $work/$t/crash-*" >&2
    status=1
  fi
done
exit $status
