# Sourced by the browser tests (browser_test.sh, contest_browser_test.sh): checks that Chromium and
# chromedriver are there, serves a store on a free loopback port, starts chromedriver, runs one
# Python check script against both, and stops everything it started however the test ends.
# Each server runs in a session of its own (setsid), so that stopping its process group also
# stops what it started (chromedriver's Chromium and its helpers).
# The including script sets ROOT and NAME (its name in messages) before sourcing this file.
STORYLINE="${STORYLINE:-$ROOT/build/storyline}"
SCREENSHOTS="${SCREENSHOTS:-$ROOT/build/screenshots}"
CHROMIUM="${CHROMIUM:-$(command -v chromium || true)}"
CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver || true)}"
[ -n "$CHROMIUM" ] || { echo "$NAME: chromium is not installed (scripts/setup-debian.sh installs it): skipped"; exit 77; }
[ -n "$CHROMEDRIVER" ] || { echo "$NAME: chromedriver is not installed (package chromium-driver): skipped"; exit 77; }
[ -x "$STORYLINE" ] || { echo "$NAME: $STORYLINE is not built" >&2; exit 2; }

WORK=$(mktemp -d)
GROUPS_STARTED=()
cleanup() {
  for group in "${GROUPS_STARTED[@]}"; do kill -- -"$group" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# start_on_free_port VARIABLE PATH WHAT LOG COMMAND...: runs COMMAND with @PORT@ replaced by a free
# loopback port until PATH answers there, and sets VARIABLE to that port. Another process may take
# the port between free_port and the bind (loopback clients use the same ephemeral range), so a
# command that exits or stays silent for $WAIT_SECONDS (20 s; a large store takes longer to open, as
# serve rebuilds its clusterer from every stored document) is tried again on another port, five
# times at most.
start_on_free_port() {
  local variable="$1" path="$2" what="$3" log="$4" attempt candidate pid
  shift 4
  for attempt in 1 2 3 4 5; do
    candidate=$(free_port)
    setsid "${@//@PORT@/$candidate}" >> "$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 $((${WAIT_SECONDS:-20} * 10))); do
      if curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$candidate$path"; then
        GROUPS_STARTED+=("$pid")
        printf -v "$variable" '%s' "$candidate"
        return 0
      fi
      kill -0 "$pid" 2> /dev/null || break
      sleep 0.1
    done
    kill -- "-$pid" 2> /dev/null || true
    echo "$NAME: $what did not answer on port $candidate (attempt $attempt)" >&2
  done
  echo "$NAME: $what did not start" >&2; tail -20 "$log" >&2; exit 1
}

# serve_and_check SECONDS SCRIPT [ARGUMENT...]: serves $WORK/store.db, runs SCRIPT (Python, given
# --page, --driver, --chromium, --profile and --screenshots) for at most SECONDS; exits 1 if it fails.
serve_and_check() {
  local seconds="$1" script="$2"
  shift 2
  local port driver_port status=0
  start_on_free_port port /healthz "storyline serve" "$WORK/serve.log" \
    "$STORYLINE" serve --db "$WORK/store.db" --host 127.0.0.1 --port @PORT@
  start_on_free_port driver_port /status chromedriver "$WORK/chromedriver.log" \
    "$CHROMEDRIVER" --port=@PORT@ --allowed-ips=127.0.0.1
  mkdir -p "$SCREENSHOTS"
  # In the background and waited for, so that a signal to this script stops it at once.
  setsid env PYTHONDONTWRITEBYTECODE=1 timeout "$seconds" /usr/bin/python3 "$script" \
    --page "http://127.0.0.1:$port/" --driver "http://127.0.0.1:$driver_port" --chromium "$CHROMIUM" \
    --profile "$WORK/profile" --screenshots "$SCREENSHOTS" "$@" &
  GROUPS_STARTED+=($!)
  wait $! || status=$?
  if [ "$status" -ne 0 ]; then
    echo "$NAME: failed; serve log:" >&2; tail -20 "$WORK/serve.log" >&2
    exit 1
  fi
}
