#!/usr/bin/env bash
# Builds the seed corpora for every fuzz target into DIR (default .build-fuzz/seeds/<target>),
# from the sample articles in corpus/, the rule files and their examples, and Fuzz/regressions.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build-fuzz/seeds}"
mkdir -p "$out"/{html,text,jsonl,numerals,rules}
articles=corpus/articles
cp "$articles"/*.html "$out/html/" 2>/dev/null || true
cp "$articles"/*.txt "$out/text/" 2>/dev/null || true
cp "$articles"/*.jsonl "$out/jsonl/" 2>/dev/null || true
# A JSON Lines file per article, so the jsonl target starts with several shapes of record.
i=0
for f in "$articles"/*.txt; do
    [ -f "$f" ] || continue
    i=$((i + 1))
    [ $i -le 8 ] || break
    body=$(head -c 1500 "$f" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' | tr '\n\t\r' '   ')
    printf '{"id": "a%d", "outlet": "Seed", "published": "2024-03-01", "text": "%s"}\n{"html": "<p>%s</p>"}\nnot json\n' \
        "$i" "$body" "$body" > "$out/jsonl/seed-$i.jsonl"
done
# Numerals and extraction: every example and counterexample sentence of the rules, one per file,
# plus the opening of each article.
grep -h -E '^\s*- (text: )?"' rules/*.yaml | sed -E 's/^\s*- (text: )?"//; s/"\s*$//; s/\[\[|\]\]//g' |
    awk -v dir="$out/numerals" '{ f = sprintf("%s/example-%04d.txt", dir, NR); print > f; close(f) }'
for f in "$articles"/*.txt; do
    [ -f "$f" ] && head -c 2000 "$f" > "$out/numerals/$(basename "$f")"
done
cp rules/*.yaml rules/lexicon/*.yaml "$out/rules/"
for target in html text jsonl numerals rules; do
    if [ -d "Fuzz/regressions/$target" ]; then
        cp Fuzz/regressions/"$target"/* "$out/$target/" 2>/dev/null || true
    fi
done
for target in html text jsonl numerals rules; do
    echo "$target: $(ls "$out/$target" | wc -l) seeds"
done
