#!/usr/bin/env bash
# The web page on a real day of news: ingests the Telegram contest's stream
# (../shared/data/news/telegram-contest-2019-11, 7,830 pages of ~900 publishers) and the seeds, as
# scripts/demo.sh does, serves the store on a free loopback port and drives the page in headless
# Chromium (contest_page_test.py). Screenshots go to $SCREENSHOTS/contest. Prints how long the
# ingest and the whole test took. Exit 0 passed, 1 failed, 77 skipped (chromium, chromedriver or
# the stream absent).
#
# usage: tests/browser/contest_browser_test.sh   (STORYLINE=build/storyline SCREENSHOTS=DIR to override)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED="$ROOT/../shared"
STREAM="$SHARED/data/news/telegram-contest-2019-11"
NAME=contest-browser-test
[ -d "$STREAM" ] || { echo "$NAME: $STREAM is absent (the contest's news stream): skipped"; exit 77; }
source "$ROOT/tests/browser/browser_session.sh"
SCREENSHOTS="$SCREENSHOTS/contest"
INPUTS=("$STREAM")
[ -d "$SHARED/seeds" ] && INPUTS+=("$SHARED/seeds")

STARTED=$(date +%s.%N)
# Exit status 1 means some inputs were rejected (the stream holds a few broken pages): fine.
"$STORYLINE" ingest --db "$WORK/store.db" "${INPUTS[@]}" 2> "$WORK/ingest.log" || [ $? -eq 1 ]
INGESTED=$(date +%s.%N)
tail -1 "$WORK/ingest.log"
awk -v s="$STARTED" -v e="$INGESTED" 'BEGIN { printf "# ingest took %.1f s\n", e - s }'
WAIT_SECONDS=120 serve_and_check 240 "$ROOT/tests/browser/contest_page_test.py"
awk -v s="$STARTED" -v e="$(date +%s.%N)" 'BEGIN { printf "# contest browser test took %.1f s\n", e - s }'
