#!/usr/bin/env bash
# CI for the Spark job: one spark-submit in local[2] on corpus/, whose findings must equal
# `tally report corpus --format json`, then the trap tests (empty pipe environment, failing binary
# fails the job, CR / invalid UTF-8 bytes). Needs Python 3 + pip + Java 17; skips (exit 0) without Java.
# pyspark==4.3.0 goes into .build-spark/venv (git-ignored), reused when already there.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

if ! command -v java >/dev/null 2>&1 && [ ! -x "${JAVA_HOME:-/nonexistent}/bin/java" ]; then
    echo "spark: SKIPPED - no Java found (Spark needs Java 17: apt-get install openjdk-17-jre-headless)"
    exit 0
fi

TALLY_BIN=${TALLY_BIN:-$ROOT/.build/debug/tally}
if [ ! -x "$TALLY_BIN" ]; then swift build --product tally; fi
export TALLY_BIN TALLY_RULES=${TALLY_RULES:-$ROOT/rules}

# pyspark 4.3.0 in a virtual environment; where python3-venv is missing, in a --target folder instead.
VENV=$ROOT/.build-spark/venv
SITE=$ROOT/.build-spark/site
has_pyspark() { "$1" -c 'import pyspark, sys; sys.exit(pyspark.__version__ != "4.3.0")' 2>/dev/null; }
if [ -x "$VENV/bin/python" ] && has_pyspark "$VENV/bin/python"; then
    PY=$VENV/bin/python; BIN=$VENV/bin
elif PYTHONPATH=$SITE has_pyspark python3; then
    PY=python3; BIN=$SITE/bin; export PYTHONPATH=$SITE${PYTHONPATH:+:$PYTHONPATH}
else
    start=$SECONDS
    if python3 -m venv "$VENV" 2>/dev/null; then
        "$VENV/bin/pip" install --quiet --disable-pip-version-check pyspark==4.3.0
        PY=$VENV/bin/python; BIN=$VENV/bin
    else
        rm -rf "$VENV"
        python3 -m pip install --quiet --disable-pip-version-check --target "$SITE" pyspark==4.3.0
        PY=python3; BIN=$SITE/bin; export PYTHONPATH=$SITE${PYTHONPATH:+:$PYTHONPATH}
    fi
    echo "spark: installed pyspark 4.3.0 in $((SECONDS - start)) s"
fi
PY=$(command -v "$PY")
export PATH="$BIN:$PATH" PYSPARK_PYTHON="$PY" PYSPARK_DRIVER_PYTHON="$PY"

OUT=$ROOT/.build-spark/ci
mkdir -p "$OUT"
"$TALLY_BIN" report corpus --format json --quiet >"$OUT/single.json" 2>"$OUT/single.err" || [ $? -eq 2 ]

start=$SECONDS
spark-submit --master 'local[2]' --conf spark.ui.showConsoleProgress=false \
    contrib/spark/tally_spark.py corpus --output "$OUT/spark.json" >"$OUT/spark.out" 2>"$OUT/spark.err" || status=$?
status=${status:-0}
echo "spark: spark-submit local[2] on corpus/ took $((SECONDS - start)) s (exit $status)"
if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then
    tail -n 40 "$OUT/spark.out" "$OUT/spark.err"
    echo "spark: FAILED - the job failed"
    exit 1
fi
if ! "$PY" contrib/spark/compare_findings.py "$OUT/single.json" "$OUT/spark.json"; then
    echo "spark: FAILED - Spark findings differ from tally report corpus (diff above)"
    exit 1
fi

start=$SECONDS
(cd contrib/spark && "$PY" -m unittest test_tally_spark 2>"$OUT/tests.err") || {
    grep -v '^\s*at \|^[0-9/]* [0-9:]* \(INFO\|WARN\|ERROR\)' "$OUT/tests.err" | tail -n 60
    echo "spark: FAILED - trap tests"
    exit 1
}
tail -n 3 "$OUT/tests.err"
echo "spark: trap tests passed in $((SECONDS - start)) s"
