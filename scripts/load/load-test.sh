#!/usr/bin/env bash
# Load test of `storyline serve` on loopback (wrk from Debian): builds a store of DOCUMENTS
# documents made from ../shared/data, then measures GET /api/stories?limit=50, GET /threads,
# GET /api/search and POST /api/articles for SECONDS each under CONNECTIONS connections, and
# prints requests/s, p50/p99 latency and errors, and the server's peak memory. With IDLE, that
# many more keep-alive connections are held open and idle throughout (hold_idle.py, from
# 127.0.0.2 and up; the server keeps idle connections for the run's length). IDLE + CONNECTIONS
# is what the server holds at once; past its default cap (10,000) the server is started with a
# cap that fits them, as an operator would. Exit 1 on any error response, or
# when the server closed an idle connection; 77 (skip) when wrk or ../shared is missing.
#
# usage: scripts/load/load-test.sh [DOCUMENTS=100000] [SECONDS=10] [CONNECTIONS=64] [IDLE=0]
set -euo pipefail
DOCUMENTS=${1:-100000}
SECONDS_EACH=${2:-10}
CONNECTIONS=${3:-64}
IDLE=${4:-0}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED="$ROOT/../shared/data"
STORYLINE="${STORYLINE:-$ROOT/build/storyline}"
command -v wrk >/dev/null || { echo "load-test: wrk is not installed (scripts/setup-debian.sh installs it): skipped"; exit 77; }
[ -d "$SHARED" ] || { echo "load-test: ../shared/data is absent: skipped"; exit 77; }
[ -x "$STORYLINE" ] || { echo "load-test: $STORYLINE is not built; run cmake --build build first" >&2; exit 2; }

# Every held connection, the server's and wrk's are descriptors.
ulimit -n "$(ulimit -Hn)"

WORK=$(mktemp -d)
SERVER=""
HOLDER=""
cleanup() {
  [ -n "$HOLDER" ] && kill "$HOLDER" 2>/dev/null
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# STORYLINE_LOAD_DB=FILE keeps the store between runs (made once: 100,000 documents take minutes).
DB="${STORYLINE_LOAD_DB:-$WORK/store.db}"
if [ ! -s "$DB" ]; then
  python3 "$ROOT/scripts/load/make_corpus.py" "$SHARED" "$DOCUMENTS" > "$WORK/corpus.jsonl"
  START=$(date +%s.%N)
  "$STORYLINE" ingest --db "$DB" "$WORK/corpus.jsonl" 2> "$WORK/ingest.log"
  END=$(date +%s.%N)
  tail -1 "$WORK/ingest.log"
  awk -v n="$DOCUMENTS" -v s="$START" -v e="$END" 'BEGIN { printf "ingest (CLI, %d documents): %.0f documents/s\n", n, n / (e - s) }'
fi

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
STARTED=$(date +%s.%N)
# Idle connections are closed after 5 s by default: held ones must last the whole run.
KEEP_ALIVE=()
[ "$IDLE" -gt 0 ] && KEEP_ALIVE=(--keep-alive-seconds 3600)
# 10,000 idle plus the active ones exceed the default cap of 10,000 connections: raise it to fit.
HELD=$((IDLE + CONNECTIONS))
[ "$HELD" -gt 10000 ] && KEEP_ALIVE+=(--max-connections "$((HELD + 64))")
"$STORYLINE" serve --db "$DB" --port "$PORT" "${KEEP_ALIVE[@]}" 2> "$WORK/serve.log" &
SERVER=$!
for _ in $(seq 1 1200); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null || { echo "load-test: serve did not start" >&2; cat "$WORK/serve.log" >&2; exit 1; }
awk -v s="$STARTED" -v e="$(date +%s.%N)" 'BEGIN { printf "serve ready (stories restored) in %.1f s\n", e - s }'
curl -s "http://127.0.0.1:$PORT/metrics" | grep -E '^storyline_(documents|stories) ' || true
echo "server memory at rest: $(awk '/^VmRSS/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$SERVER/status")"
if [ "$IDLE" -gt 0 ]; then
  python3 "$ROOT/scripts/load/hold_idle.py" "$PORT" "$IDLE" > "$WORK/hold.txt" 2>&1 &
  HOLDER=$!
  for _ in $(seq 1 1200); do grep -q '^held' "$WORK/hold.txt" && break; sleep 0.1; done
  echo "idle keep-alive connections: $(grep '^held' "$WORK/hold.txt" || cat "$WORK/hold.txt")"
  echo "server memory with them: $(awk '/^VmRSS/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$SERVER/status")"
fi

FAILED=0
printf '%-34s %10s %9s %9s %7s\n' "endpoint" "req/s" "p50 ms" "p99 ms" "errors"
measure() {  # name, path, [lua script], [header]
  local name=$1 path=$2 script=${3:-} header=${4:-}
  local args=(-t2 "-c$CONNECTIONS" "-d${SECONDS_EACH}s" --latency --timeout 5s)
  [ -n "$script" ] && args+=(-s "$script")
  [ -n "$header" ] && args+=(-H "$header")
  wrk "${args[@]}" "http://127.0.0.1:$PORT$path" > "$WORK/wrk.txt" 2>&1 || true
  local rate p50 p99 errors
  rate=$(awk '/Requests\/sec/ { print $2 }' "$WORK/wrk.txt")
  p50=$(awk '$1 == "50%" { print $2 }' "$WORK/wrk.txt")
  p99=$(awk '$1 == "99%" { print $2 }' "$WORK/wrk.txt")
  errors=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$WORK/wrk.txt")
  printf '%-34s %10s %9s %9s %7s\n' "$name" "${rate:-?}" "$(to_ms "$p50")" "$(to_ms "$p99")" "$errors"
  if [ -z "$rate" ] || [ "$errors" != "0" ]; then FAILED=1; cat "$WORK/wrk.txt" >&2; fi
}
to_ms() {  # wrk prints 1.23ms, 456.00us, 1.20s
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0;
                          else if (v ~ /s$/) printf "%.2f", v * 1000; else print "?" }'
}
measure "GET /api/stories?limit=50" "/api/stories?limit=50"
measure "GET /api/stories?limit=50 (gzip)" "/api/stories?limit=50" "" "Accept-Encoding: gzip"
measure "GET /threads?period=86400" "/threads?period=86400&lang_code=en&category=any"
measure "GET /api/search?q=government" "/api/search?q=government"
measure "POST /api/articles" "/api/articles" "$ROOT/scripts/load/post_articles.lua"
echo "server peak memory: $(awk '/^VmHWM/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$SERVER/status")"
if [ -n "$HOLDER" ]; then
  kill -TERM "$HOLDER"
  wait "$HOLDER" || FAILED=1
  HOLDER=""
  tail -1 "$WORK/hold.txt"
  grep -q "^hold_idle: $IDLE of $IDLE still open" "$WORK/hold.txt" || FAILED=1
fi
exit $FAILED
