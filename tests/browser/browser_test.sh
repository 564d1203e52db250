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
STORYLINE="${STORYLINE:-$ROOT/build/storyline}"
SCREENSHOTS="${SCREENSHOTS:-$ROOT/build/screenshots}"
CHROMIUM="${CHROMIUM:-$(command -v chromium || true)}"
CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver || true)}"
[ -n "$CHROMIUM" ] || { echo "browser-test: chromium is not installed (scripts/setup-debian.sh installs it): skipped"; exit 77; }
[ -n "$CHROMEDRIVER" ] || { echo "browser-test: chromedriver is not installed (package chromium-driver): skipped"; exit 77; }
[ -d "$SHARED/seeds" ] || { echo "browser-test: ../shared/seeds is absent: skipped"; exit 77; }
[ -x "$STORYLINE" ] || { echo "browser-test: $STORYLINE is not built" >&2; exit 2; }
# Two real news feeds beside the seeds (The Guardian, the Herald Sun: some 60 articles of 2018 in
# every category): a front page with sections, in well under a second.
FEEDS="$SHARED/data/feeds/rss-atom-feed-samples/rss-parser/test/input"
EXTRA=()
for feed in guardian.rss heraldsun.rss; do [ -f "$FEEDS/$feed" ] && EXTRA+=("$FEEDS/$feed"); done

WORK=$(mktemp -d)
# Each server runs in a session of its own (setsid), so that stopping its process group also
# stops what it started (chromedriver's Chromium and its helpers), however this script ends.
GROUPS_STARTED=()
cleanup() {
  for group in "${GROUPS_STARTED[@]}"; do kill -- -"$group" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# wait_for URL WHAT LOG: polls for up to 20 s.
wait_for() {
  for _ in $(seq 1 200); do curl -sf -o /dev/null --max-time 1 "$1" && return 0; sleep 0.1; done
  echo "browser-test: $2 did not start" >&2; cat "$3" >&2; exit 1
}

STARTED=$(date +%s.%N)
# Exit status 1 means some inputs were rejected (the feeds hold a few that are not news): fine.
"$STORYLINE" ingest --db "$WORK/store.db" "$SHARED/seeds" "${EXTRA[@]}" 2> "$WORK/ingest.log" || [ $? -eq 1 ]
tail -1 "$WORK/ingest.log"

PORT=$(free_port)
setsid "$STORYLINE" serve --db "$WORK/store.db" --host 127.0.0.1 --port "$PORT" 2> "$WORK/serve.log" &
GROUPS_STARTED+=($!)
DRIVER_PORT=$(free_port)
setsid "$CHROMEDRIVER" --port="$DRIVER_PORT" --allowed-ips=127.0.0.1 --log-path="$WORK/chromedriver.log" > /dev/null 2>&1 &
GROUPS_STARTED+=($!)
wait_for "http://127.0.0.1:$PORT/healthz" "storyline serve" "$WORK/serve.log"
wait_for "http://127.0.0.1:$DRIVER_PORT/status" "chromedriver" "$WORK/chromedriver.log"

mkdir -p "$SCREENSHOTS"
# In the background and waited for, so that a signal to this script stops it at once.
setsid env PYTHONDONTWRITEBYTECODE=1 timeout 60 /usr/bin/python3 "$ROOT/tests/browser/web_page_test.py" \
  --page "http://127.0.0.1:$PORT/" --driver "http://127.0.0.1:$DRIVER_PORT" --chromium "$CHROMIUM" \
  --profile "$WORK/profile" --screenshots "$SCREENSHOTS" &
GROUPS_STARTED+=($!)
STATUS=0
wait $! || STATUS=$?
awk -v s="$STARTED" -v e="$(date +%s.%N)" 'BEGIN { printf "# browser test took %.1f s\n", e - s }'
if [ "$STATUS" -ne 0 ]; then
  echo "browser-test: failed; serve log:" >&2; tail -20 "$WORK/serve.log" >&2
  exit 1
fi
