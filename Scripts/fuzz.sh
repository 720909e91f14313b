#!/usr/bin/env bash
# Fuzzes every loader of untrusted files with libFuzzer and AddressSanitizer: the targets of
# Fuzz/Sources/LeNet5Fuzz/Targets.swift, one per folder of seeds in Fuzz/Corpus.
#
#   Scripts/fuzz.sh [--seconds N] [TARGET...]      (default: 30 seconds for each target)
#
# Each target's corpus grows in Fuzz/.build/corpus/TARGET (seeded from Fuzz/Corpus/TARGET, which
# stays as it is); an input that crashes, leaks or hangs is saved in Fuzz/.build/crashes/TARGET/
# and the script fails, printing how to run it again. Linux only: Swift's libFuzzer ships with
# the Linux toolchains.
#
# To fuzz a new loader: add a line to `targets` in Targets.swift and a folder of a few small seed
# files under Fuzz/Corpus named like it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=30
requested=()
while [ $# -gt 0 ]; do
    case $1 in
        --seconds) seconds=$2; shift 2 ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "usage: $0 [--seconds N] [TARGET...]" >&2; exit 2 ;;
        *) requested+=("$1"); shift ;;
    esac
done

targets=()
for folder in "$root"/Fuzz/Corpus/*/; do targets+=("$(basename "$folder")"); done
[ ${#requested[@]} -gt 0 ] && targets=("${requested[@]}")

cd "$root/Fuzz"
echo "building the fuzz targets (release, -sanitize=fuzzer,address)..."
# SwiftPM's --sanitize=fuzzer lets libFuzzer supply main; -sanitize=fuzzer,address, which comes
# after it on every command line, adds AddressSanitizer and keeps the coverage instrumentation
# (two separate -sanitize flags would leave only the last). The linker's complaints about
# AddressSanitizer's local symbols are noise.
swift build -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address 2>&1 \
    | grep -v "Cannot export local symbol" | grep -E "error|warning: |Compiling|Build" || true
binary=$(swift build -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address \
    --show-bin-path)/LeNet5Fuzz
[ -x "$binary" ] || { echo "fuzz.sh: the build failed" >&2; exit 1; }

# The targets write each input to a file here, to read it as the command line reads files.
scratch=$(mktemp -d /dev/shm/lenet5-fuzz.XXXXXX 2>/dev/null || mktemp -d)
trap 'rm -rf "$scratch"' EXIT

failed=()
printf '\n%-10s %10s %10s %8s %12s\n' target seconds execs/s corpus "corpus size"
for target in "${targets[@]}"; do
    seeds=$root/Fuzz/Corpus/$target
    [ -d "$seeds" ] || { echo "fuzz.sh: no seed folder $seeds" >&2; exit 2; }
    work=$root/Fuzz/.build/corpus/$target
    crashes=$root/Fuzz/.build/crashes/$target
    mkdir -p "$work" "$crashes"
    log=$root/Fuzz/.build/fuzz-$target.log
    # -timeout: an input that takes 10 s is a hang. -rss_limit_mb: one that takes 2 GB is a bug.
    status=0
    # Swift's own crash backtracer would catch the fault first and trip AddressSanitizer while it
    # reads memory; libFuzzer's report is the one wanted.
    SWIFT_BACKTRACE=enable=no LENET5_FUZZ_SCRATCH=$scratch LENET5_FUZZ_TARGET=$target "$binary" "$work" "$seeds" -max_total_time="$seconds" \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/" \
        >"$log" 2>&1 || status=$?
    execs=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    corpus=$(ls "$work" | wc -l)
    size=$(find "$work" -type f -printf '%s\n' | awk '{ total += $1 } END { print int(total / 1024) }')
    printf '%-10s %10s %10s %8s %9s KB\n' "$target" "$seconds" "${execs:-?}" "$corpus" "$size"
    if [ $status -ne 0 ]; then
        failed+=("$target")
        grep -E "ERROR|SUMMARY|Fatal error|Test unit written" "$log" | head -5 | sed 's/^/    /'
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo
    echo "fuzz.sh: failed: ${failed[*]} (logs in Fuzz/.build/fuzz-TARGET.log)"
    echo "run a saved input again with:"
    echo "  SWIFT_BACKTRACE=enable=no LENET5_FUZZ_TARGET=TARGET $binary FILE"
    exit 1
fi
