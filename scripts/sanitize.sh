#!/usr/bin/env bash
# Runs the test suite under a sanitizer, in its own build folder (.build-asan, .build-tsan):
#   scripts/sanitize.sh address     AddressSanitizer: out-of-bounds, use after free, leaks of C memory
#   scripts/sanitize.sh thread      ThreadSanitizer: data races (batch answers on every core)
# Extra arguments go to `swift test` (e.g. --filter Batch).
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-address}; shift || true
case "$kind" in
  address) scratch=.build-asan ;;
  thread) scratch=.build-tsan ;;
  *) echo "usage: scripts/sanitize.sh address|thread [swift test arguments]" >&2; exit 64 ;;
esac
# Leaks in code we depend on (listed with their reasons) are suppressed; any other leak fails the run.
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
swift test --scratch-path "$scratch" --sanitize="$kind" "$@"
