#!/usr/bin/env bash
# Builds a fully static tally (no shared library at all, not even glibc's) to ship to Spark workers:
#   .build-static/release/tally  (119 MB with debug info; `strip` takes it to 96 MB: ICU data twice,
#   Foundation's and the system's that libxml2 needs)
# Needs the static archives of the system libraries: on Debian 12, libxml2-dev, zlib1g-dev,
# libsqlite3-dev, libicu-dev and liblzma-dev provide them. libxml2 is linked with what
# `pkg-config --static --libs libxml-2.0` lists (ICU, zlib, lzma, libm), which the module map's
# plain `link "xml2"` does not bring in by itself. The linker's warnings that getaddrinfo, getpwuid and
# dlopen need glibc's shared libraries at run time concern code paths tally does not use (network,
# user names, plug-ins). The default rules are built in; TALLY_RULES (or --rules) points at others.
set -euo pipefail
cd "$(dirname "$0")/../.."
LIBS=$(pkg-config --static --libs libxml-2.0 zlib sqlite3)
LINK=()
for flag in $LIBS; do LINK+=(-Xlinker "$flag"); done
swift build -c release --scratch-path .build-static --product tally \
    --static-swift-stdlib -Xswiftc -static-executable "${LINK[@]}"
BIN=.build-static/release/tally
file "$BIN"
if ldd "$BIN" >/dev/null 2>&1; then echo "static-build: $BIN still loads shared libraries:"; ldd "$BIN"; exit 1; fi
# Smoke test with an empty environment, as rdd.pipe would run it, from a folder without rules.
(cd / && env -i "$OLDPWD/$BIN" report "$OLDPWD/corpus/articles" --format json --quiet >/dev/null)
echo "static-build: $BIN is fully static and runs with an empty environment"
