#!/usr/bin/env bash
# Builds the libFuzzer driver `tally-fuzz` into .build-fuzz (AddressSanitizer + SanitizerCoverage).
#
# Why not `-sanitize=fuzzer`: on Swift 6.3.1/Linux swiftc links libclang_rt.fuzzer whole-archive, whose
# `main` clashes with the executable's own. So the modules are instrumented with ASan + the coverage
# libFuzzer needs (inline 8-bit counters, PC table, comparison tracing), and libFuzzer is linked
# without its main (libclang_rt.fuzzer_no_main); `tally-fuzz` calls LLVMFuzzerRunDriver itself.
# Optimised (-c release) because fuzzing throughput is the point; FUZZ_CONFIG=debug to change.
set -euo pipefail
cd "$(dirname "$0")/.."
config="${FUZZ_CONFIG:-release}"
swiftc_path="$(readlink -f "$(command -v swiftc)")"
runtime="$(dirname "$swiftc_path")/../lib/clang"
fuzzer_lib="$(find "$runtime" -name 'libclang_rt.fuzzer_no_main-x86_64.a' -o -name 'libclang_rt.fuzzer_no_main.a' | head -1)"
if [ -z "$fuzzer_lib" ]; then
    echo "Fuzz/build.sh: libclang_rt.fuzzer_no_main not found under $runtime" >&2
    exit 69
fi
swift build -c "$config" --scratch-path .build-fuzz --product tally-fuzz \
    -Xswiftc -sanitize=address \
    -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
    -Xlinker --whole-archive -Xlinker "$fuzzer_lib" -Xlinker --no-whole-archive \
    -Xlinker --export-dynamic -Xlinker -lstdc++ "$@"
echo "$(pwd)/.build-fuzz/$config/tally-fuzz"
