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
swift test --scratch-path "$scratch" --sanitize="$kind" "$@"
