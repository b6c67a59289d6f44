#!/usr/bin/env bash
# Usage: Fuzz/linearity.sh [TALLY_BINARY] [BASE_KB]
# Benchmark (not a test): times `tally extract` on inputs of 1x, 2x and 4x BASE_KB (default 100 KB) in
# shapes that have no natural breaks (one endless unpunctuated line, one line of many sentences, one
# figure repeated), plus ordinary prose, and prints seconds and ms per KB. Per-KB times should stay
# roughly flat as the size doubles; a climbing column means super-linear work.
set -euo pipefail
cd "$(dirname "$0")/.."
tally="${1:-.build/debug/tally}"
base="${2:-100}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
make_input() {  # shape, kilobytes
    python3 - "$1" "$2" > "$work/in.txt" <<'PY'
import sys
shape, kb = sys.argv[1], int(sys.argv[2])
clause = {
    "endless": "officials said about {n},000 prisoners were freed and ",
    "one-line": "Officials said about {n},000 prisoners were freed. ",
    "repeat": "the 1,000 prisoners and ",
    "prose": "Officials said about {n},000 prisoners were freed.\n",
}[shape]
out, i = [], 0
while sum(map(len, out)) < kb * 1024:
    out.append(clause.format(n=i % 900 + 1)); i += 1
sys.stdout.write("".join(out) + "\n")
PY
}
printf '%-9s %6s %9s %9s\n' shape KB seconds ms/KB
for shape in endless one-line repeat prose; do
    for factor in 1 2 4; do
        kb=$((base * factor))
        make_input "$shape" "$kb"
        start=$(date +%s.%N)
        TALLY_RULES=rules "$tally" report "$work/in.txt" -q --format json > /dev/null 2>&1 || true
        end=$(date +%s.%N)
        awk -v s="$start" -v e="$end" -v kb="$kb" -v shape="$shape" 'BEGIN { printf "%-9s %6d %9.2f %9.1f\n", shape, kb, e - s, (e - s) * 1000 / kb }'
    done
done
