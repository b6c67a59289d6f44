#!/usr/bin/env bash
# Usage: scripts/sanitizers.sh [asan|tsan]...   (default: both)
#
# asan: the whole test suite under AddressSanitizer (+ LeakSanitizer at exit), scratch .build-asan.
# tsan: `tally` built with ThreadSanitizer (scratch .build-tsan), then the parallel batch paths run on
#       the sample corpus with two workers: `tally report corpus --jobs 2` (plus --db and --html, which
#       extract in parallel batches), `tally extract corpus -j 2` and `tally quantities corpus -j 2`.
#       Any report fails the run.
# Exit status: 0 clean, 1 a sanitizer reported something or a test failed.
set -uo pipefail
cd "$(dirname "$0")/.."
modes=("$@")
[ ${#modes[@]} -gt 0 ] || modes=(asan tsan)
status=0
export SWIFT_BACKTRACE=enable=no   # let the sanitizers print their own reports
for mode in "${modes[@]}"; do
    case "$mode" in
    asan)
        echo "== AddressSanitizer: swift test --sanitize=address"
        mkdir -p .build-asan
        log=.build-asan/sanitizer-tests.log
        # Leak checking is opt-in (TALLY_DETECT_LEAKS=1): LeakSanitizer cannot follow pointers Swift keeps
        # with enum tag bits, so values held in statics (rule patterns, test fixtures) show up as leaks
        # that are not; scripts/lsan.supp lists the ones examined. Memory errors always fail the run.
        ASAN_OPTIONS="detect_leaks=${TALLY_DETECT_LEAKS:-0}:halt_on_error=1" \
            LSAN_OPTIONS="suppressions=$(pwd)/scripts/lsan.supp:print_suppressions=0" \
            swift test --sanitize=address --scratch-path .build-asan > "$log" 2>&1
        rc=$?
        grep -E "Test run with|tests? (passed|failed)|ERROR: (Address|Leak)Sanitizer|SUMMARY:" "$log" | tail -5
        if [ $rc -ne 0 ] || grep -q "ERROR: AddressSanitizer\|ERROR: LeakSanitizer" "$log"; then
            echo "asan: FAILED (exit $rc, log $log)"
            status=1
        else
            echo "asan: clean"
        fi
        ;;
    tsan)
        echo "== ThreadSanitizer: swift build --sanitize=thread, parallel batch"
        mkdir -p .build-tsan
        swift build --sanitize=thread --scratch-path .build-tsan --product tally > .build-tsan/sanitizer-build.log 2>&1 ||
            { tail -20 .build-tsan/sanitizer-build.log; echo "tsan: build FAILED"; status=1; continue; }
        tally=".build-tsan/debug/tally"
        scratch="$(mktemp -d)"
        export TSAN_OPTIONS="halt_on_error=0:exitcode=66:report_signal_unsafe=0"
        for run in "report corpus --jobs 2 -q" "report corpus --jobs 2 -q --db $scratch/x.db --html $scratch/r.html" \
            "report corpus --jobs 2 -q --db $scratch/x.db" "extract corpus -j 2 -q" "quantities corpus -j 2 -q"; do
            # shellcheck disable=SC2086
            TALLY_RULES="$(pwd)/rules" "$tally" $run > "$scratch/out" 2> "$scratch/err"
            rc=$?
            races=$(grep -c "WARNING: ThreadSanitizer" "$scratch/err")
            echo "tally $run: exit $rc, $races ThreadSanitizer reports"
            if [ "$races" -gt 0 ] || [ $rc -ge 3 ]; then
                grep -A12 "WARNING: ThreadSanitizer" "$scratch/err" | head -40
                status=1
            fi
        done
        rm -rf "$scratch"
        ;;
    *) echo "unknown mode $mode (asan|tsan)" >&2; exit 64 ;;
    esac
done
exit $status
