#!/usr/bin/env bash
# Browser test of the web page: ingests ../shared/seeds and two real news feeds into a fresh store,
# serves it on a free loopback port, and drives the page in Debian's headless Chromium through
# chromedriver (web_page_test.py: W3C WebDriver over HTTP, Python standard library only).
# Screenshots go to $SCREENSHOTS (build/screenshots). Exit 0 passed, 1 failed, 77 skipped
# (chromium, chromedriver or ../shared absent).
#
# usage: tests/browser/browser_test.sh   (STORYLINE=build/storyline SCREENSHOTS=DIR to override)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED="$ROOT/../shared"
NAME=browser-test
source "$ROOT/tests/browser/browser_session.sh"
[ -d "$SHARED/seeds" ] || { echo "browser-test: ../shared/seeds is absent: skipped"; exit 77; }
# Two real news feeds beside the seeds (The Guardian, the Herald Sun: some 60 articles of 2018 in
# every category): a front page with sections, in well under a second.
FEEDS="$SHARED/data/feeds/rss-atom-feed-samples/rss-parser/test/input"
EXTRA=()
for feed in guardian.rss heraldsun.rss; do [ -f "$FEEDS/$feed" ] && EXTRA+=("$FEEDS/$feed"); done

STARTED=$(date +%s.%N)
# Exit status 1 means some inputs were rejected (the feeds hold a few that are not news): fine.
"$STORYLINE" ingest --db "$WORK/store.db" "$SHARED/seeds" "${EXTRA[@]}" 2> "$WORK/ingest.log" || [ $? -eq 1 ]
tail -1 "$WORK/ingest.log"
serve_and_check 60 "$ROOT/tests/browser/web_page_test.py"
awk -v s="$STARTED" -v e="$(date +%s.%N)" 'BEGIN { printf "# browser test took %.1f s\n", e - s }'
