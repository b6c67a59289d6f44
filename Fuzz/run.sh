#!/usr/bin/env bash
# Usage: Fuzz/run.sh SECONDS [TARGET...]
# Runs each fuzz target (default: all) for SECONDS under libFuzzer, one after the other (one core),
# growing .build-fuzz/corpus/<target> from the seeds. Prints executions and exec/s per target and
# exits 1 if any target crashed, leaked, hung or ran out of memory; the offending input is copied to
# Fuzz/regressions/<target>/ so it can be committed and replayed by TallyRobustnessTests.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${1:?usage: Fuzz/run.sh SECONDS [TARGET...]}"
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(html text jsonl numerals rules)
config="${FUZZ_CONFIG:-release}"
binary=".build-fuzz/$config/tally-fuzz"
if [ -z "${FUZZ_NO_BUILD:-}" ] || [ ! -x "$binary" ]; then
    mkdir -p .build-fuzz
    Fuzz/build.sh > .build-fuzz/build.log 2>&1 || { tail -30 .build-fuzz/build.log >&2; echo "Fuzz/run.sh: build failed" >&2; exit 3; }
fi
Fuzz/seeds.sh .build-fuzz/seeds > /dev/null
export TALLY_RULES="$(pwd)/rules"
# No Swift backtracer: libFuzzer's own handler must see the trap to save the input.
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS="suppressions=$(pwd)/Fuzz/lsan.supp:print_suppressions=0"
status=0
total=0
printf '%-10s %12s %10s %8s  %s\n' target executions exec/s seconds result
for target in "${targets[@]}"; do
    corpus=".build-fuzz/corpus/$target"
    artifacts=".build-fuzz/artifacts/$target/"
    log=".build-fuzz/logs/$target.log"
    mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
    max_len=4096
    [ "$target" = numerals ] && max_len=2048
    "$binary" "$target" -max_total_time="$seconds" -max_len=$max_len -timeout=20 -rss_limit_mb=3072 \
        -print_final_stats=1 -artifact_prefix="$artifacts" "$corpus" ".build-fuzz/seeds/$target" > "$log" 2>&1
    rc=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    runs=${runs:-0}
    result=ok
    if [ $rc -ne 0 ]; then
        result="FAILED (exit $rc, log $log)"
        status=1
        mkdir -p "Fuzz/regressions/$target"
        for found in "$artifacts"*; do
            [ -f "$found" ] || continue
            cp "$found" "Fuzz/regressions/$target/"
            result="$result; input kept as Fuzz/regressions/$target/$(basename "$found")"
            rm -f "$found"
        done
        grep -m3 -E 'ERROR|Fatal error|SUMMARY' "$log" >&2
    fi
    total=$((total + runs))
    printf '%-10s %12d %10s %8s  %s\n' "$target" "$runs" "${rate:-?}" "$seconds" "$result"
done
printf '%-10s %12d\n' total "$total"
exit $status
