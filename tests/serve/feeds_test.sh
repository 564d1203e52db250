#!/usr/bin/env bash
# Storyline's own feeds read by a real feed parser: validate_feeds.py serves the repository's
# fixture (tests/serve/fixtures) on a free loopback port and parses every feed with Debian's
# python3-feedparser. Debian's /usr/bin/python3, not whatever python3 comes first on PATH (a
# virtualenv's has no python3-feedparser). Exit 0 passed, 1 failed, 77 skipped (no feedparser).
#
# usage: tests/serve/feeds_test.sh   (STORYLINE=build/storyline to override)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
STORYLINE="${STORYLINE:-$ROOT/build/storyline}"
PYTHON=/usr/bin/python3
[ -x "$PYTHON" ] || { echo "feeds-test: $PYTHON is absent: skipped"; exit 77; }
"$PYTHON" -c 'import feedparser' 2> /dev/null ||
  { echo "feeds-test: $PYTHON cannot import feedparser (apt-get install python3-feedparser, or scripts/setup-debian.sh): skipped"; exit 77; }
[ -x "$STORYLINE" ] || { echo "feeds-test: $STORYLINE is not built" >&2; exit 2; }
exec env PYTHONDONTWRITEBYTECODE=1 "$PYTHON" "$ROOT/tests/serve/validate_feeds.py" --storyline "$STORYLINE"
