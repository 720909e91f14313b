#!/usr/bin/env bash
# The test suite under AddressSanitizer (with LeakSanitizer) and ThreadSanitizer.
#
#   Scripts/sanitizers.sh [address] [thread]      (default: both, one after the other)
#
# Each sanitizer builds in its own scratch folder (.build-asan, .build-tsan), so the ordinary
# .build stays as it is; the first run of each takes several minutes. Not part of .ci/run: too slow.
#
# Leaks are detected. The ones that XCTest, swift-testing's runner and Foundation's Process make
# on purpose (objects kept for the process's lifetime) are suppressed by name in
# Scripts/sanitizers/lsan.supp, so that a leak of ours still fails the run. The end-to-end tests
# run the lenet5 binary built with the same sanitizer, and the same options reach it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
sanitizers=("$@")
[ ${#sanitizers[@]} -eq 0 ] && sanitizers=(address thread)

export LSAN_OPTIONS="suppressions=$root/Scripts/sanitizers/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
export TSAN_OPTIONS="suppressions=$root/Scripts/sanitizers/tsan.supp:halt_on_error=0:second_deadlock_stack=1"

failed=()
for sanitizer in "${sanitizers[@]}"; do
    case $sanitizer in
        address) scratch=.build-asan ;;
        thread) scratch=.build-tsan ;;
        *) echo "usage: $0 [address] [thread]" >&2; exit 2 ;;
    esac
    log=$scratch/sanitizers.log
    mkdir -p "$scratch"
    echo "== $sanitizer (scratch path $scratch, log $log)"
    start=$(date +%s)
    status=0
    swift test --sanitize="$sanitizer" --scratch-path "$scratch" >"$log" 2>&1 || status=$?
    seconds=$(( $(date +%s) - start ))
    reports=$(grep -c -E "^(==[0-9]+==ERROR|WARNING: ThreadSanitizer|SUMMARY: )" "$log" || true)
    tail -3 "$log" | sed 's/^/    /'
    echo "   $sanitizer: status $status, $reports sanitizer reports, $seconds s"
    if [ $status -ne 0 ] || [ "$reports" -ne 0 ]; then
        failed+=("$sanitizer")
        # (A failure without a report matches nothing here, which must not end the script.)
        grep -E -A12 "^(==[0-9]+==ERROR|WARNING: ThreadSanitizer)" "$log" | head -60 \
            | sed 's/^/    /' || true
        grep -E "^✘" "$log" | head -20 | sed 's/^/    /' || true
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "sanitizers.sh: reports or failures under: ${failed[*]}"
    exit 1
fi
echo "sanitizers.sh: clean under ${sanitizers[*]}"
