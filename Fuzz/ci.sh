#!/usr/bin/env bash
# CI entry point: builds the fuzz driver, runs every target for FUZZ_SECONDS (default 45 s, so five
# targets plus an incremental build stay within about six minutes), fails on any crash, hang or
# leak, keeping the input under Fuzz/regressions/<target>/ for a regression test.
set -uo pipefail
cd "$(dirname "$0")/.."
exec Fuzz/run.sh "${FUZZ_SECONDS:-45}"
