#!/usr/bin/env bash
# Installs the peer quantity parsers into .build-peers/venv (git-ignored) and runs scripts/peer_speed.py:
# tally quantities vs quantulum3 (and Duckling's PyPI wrapper, which needs Java, when it installs) on
# identical text. Arguments go to peer_speed.py (--size-mb, --tally, --skip duckling).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.build-peers/venv
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
if ! "$VENV/bin/python" -c 'import quantulum3' 2>/dev/null; then
    "$VENV/bin/pip" install --quiet --disable-pip-version-check quantulum3
fi
if ! "$VENV/bin/python" -c 'import duckling' 2>/dev/null; then
    # Duckling's PyPI wheel wraps the Clojure library through JPype; optional.
    "$VENV/bin/pip" install --quiet --disable-pip-version-check duckling \
        || echo "peer_speed: duckling did not install; it will be skipped"
fi
TALLY=${TALLY_BIN:-.build/release/tally}
if [ ! -x "$TALLY" ]; then swift build -c release --product tally; fi
exec "$VENV/bin/python" scripts/peer_speed.py --tally "$TALLY" "$@"
