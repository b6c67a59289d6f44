#!/usr/bin/env bash
# Instruction counts per part of `tally extract` on 1 MB of generated articles: repeatable on a busy
# machine, where wall time is not. Needs valgrind. Usage: scripts/instruction_profile.sh [TALLY_BINARY]
# (default .build/release/tally; build with `swift build -c release`). Writes the corpus to
# .build-profile/corpus-1mb on first use; valgrind cannot read DWARF 5, so a copy without debug info is profiled.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release/tally}
WORK=.build-profile
CORPUS=$WORK/corpus-1mb
mkdir -p "$WORK"
if [ ! -d "$CORPUS" ]; then "$BIN" bench --size 1 --write-corpus "$CORPUS" > /dev/null; fi
strip --strip-debug -o "$WORK/tally" "$BIN"
valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.out" "$WORK/tally" extract "$CORPUS" --jobs 1 --quiet --rules rules \
    > /dev/null 2> "$WORK/valgrind.log"
grep "Collected" "$WORK/valgrind.log" | awk '{gsub(",","",$4); printf "%-62s %8.1f M\n", "total (start-up, ingest, extraction, output)", $4/1e6}'
callgrind_annotate --inclusive=yes "$WORK/callgrind.out" 2>/dev/null | awk '
/ExtractorV7extractySay0A4Core5ClaimVGAE8DocumentVF / {n="Extractor.extract(document): all of extraction"}
/PreparedDocumentC8document5rules/ {n="  PreparedDocument.init: tokens, numerals, speakers, story, events"}
/NumeralScannerV4scan/ {n="    NumeralScanner.scan"}
/TextAnalysisV4textACSS_tcfC / {n="    TextAnalysis(text:): tokenizer and sentences"}
/SpeakerResolverV7resolve/ {n="    SpeakerResolver.resolve"}
/SentenceScratchV4PoolC04withD03for/ {n="  rules and claims"}
/ExtractorV10candidates2in/ {n="    Extractor.candidates: rule matching"}
/ClaimBuilderV5claim3for/ {n="    ClaimBuilder.claim"}
/ClaimWriterO6record_6format/ {n="ClaimWriter.record: output"}
/RuleSetV4load9directory/ {n="RuleSet.load: start-up"}
/IngestorV4read4file/ {n="Ingestor.read: ingest"}
n!="" { gsub(",","",$1); if (!(n in seen)) { seen[n]=1; printf "%-62s %8.1f M\n", n, $1/1e6 } ; n="" }'
echo "(details: callgrind_annotate --tree=calling --inclusive=yes $WORK/callgrind.out)"
