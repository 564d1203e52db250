#!/usr/bin/env bash
# The distributed form on one machine (issue 17): a 3-node JetStream cluster and a PostgreSQL server
# on loopback in a temporary folder, two extract workers, a cluster worker with a standby, two
# `serve --queue --extract-workers`; pushes
# the contest stream (../shared/data/news/telegram-contest-2019-11) through the contest API (PUT
# /NAME.html; with --post, POST /api/articles, which serve reads itself), and while it runs kills a
# NATS node, an extract worker and the active cluster worker (SIGKILL; the standby takes over). Then checks every acknowledged article stored
# once, and compares the stories with a single-machine `serve` given the same pages the same way,
# in the order the cluster stored them (BCubed F1). Last line:
#   cluster: acknowledged N, stored N, lost 0, duplicated 0, agreement F
# Exits 1 when anything was lost or duplicated, 77 when a server or the data is missing.
# Usage: scripts/cluster/test.sh [--short] [--post] [--extract N] [--no-kill]   (--short: 300 pages;
# --extract: extract workers, 2; 0 has serve read the pages; --no-kill: nothing killed; KEEP=1 keeps
# the folder)
set -euo pipefail
export LC_ALL=C  # sort, comm and join agree on the order of ids
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
storyline=${STORYLINE:-$root/build/storyline}
data=${STORYLINE_CLUSTER_DATA:-$root/../shared/data/news/telegram-contest-2019-11}
[ -d "$data" ] || data=/work/shared/data/news/telegram-contest-2019-11
pages=0 rate=0 post=() extract=2 kills=1
while (($#)); do
  case "$1" in
    # Nothing killed: what distribution changes without a takeover (agreement against --kill's).
    --no-kill) kills=0 ;;
    # The short form spreads its pages over 5 s, so that the kills fall while they flow.
    --short) pages=300 rate=60 ;;
    --post) post=(--post) ;;
    --extract) extract=${2:?--extract N}; shift ;;
    *) echo "usage: test.sh [--short] [--post] [--extract N] [--no-kill]" >&2; exit 2 ;;
  esac
  shift
done
serve_extract=()
((extract > 0)) && serve_extract=(--extract-workers)
for need in nats-server psql sqlite3 curl python3; do
  command -v "$need" >/dev/null || { echo "cluster: $need is not installed (scripts/setup-debian.sh); skipped"; exit 77; }
done
[ -x "$storyline" ] || { echo "cluster: no $storyline; build first"; exit 2; }
[ -d "$data" ] || { echo "cluster: no $data; skipped"; exit 77; }

dir=$(mktemp -d /tmp/storyline-cluster.XXXXXX)
chmod 755 "$dir"  # the PostgreSQL server runs as postgres when this runs as root
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "$root/scripts/nats/stop.sh" "$dir/nats" || true
  "$root/scripts/postgres/stop.sh" "$dir/pg" immediate || true
  [ -n "${KEEP:-}" ] || rm -rf "$dir"
}
trap cleanup EXIT
# Ports: a block picked from the process id, clear of the usual ones and below Linux's ephemeral
# range (32768 and up), where loopback clients of other tests would take them.
base=$((20000 + ($$ % 1200) * 10))
queue=$("$root/scripts/nats/start.sh" "$dir/nats" "$base" --cluster 3)
db=$("$root/scripts/postgres/start.sh" "$dir/pg" $((base + 9)) --fast)
"$storyline" migrate --db "$db" >/dev/null
echo "cluster: NATS $queue, PostgreSQL $db, folder $dir"

# A cluster worker and its standby, which takes over within --lease-ttl of the active one's death.
start_worker() {  # NAME
  "$storyline" worker cluster --queue "$queue" --db "$db" --ack-wait 5 --lease-ttl 3 2>>"$dir/worker-$1.log" &
  pids+=($!)
  eval "worker_$1=$!"
}
start_worker a
for ((try = 0; try < 300; try++)); do grep -q "active:" "$dir/worker-a.log" 2>/dev/null && break; sleep 0.1; done
start_worker b
extractors=()
for ((k = 1; k <= extract; k++)); do
  "$storyline" worker extract --queue "$queue" --ack-wait 5 2>>"$dir/extract$k.log" &
  pids+=($!)
  extractors+=($!)
done
serves=()
for k in 1 2; do
  port=$((base + 20 + k))
  "$storyline" serve --db "$db" --queue "$queue" "${serve_extract[@]}" --port "$port" 2>>"$dir/serve$k.log" &
  pids+=($!)
  serves+=("http://127.0.0.1:$port")
  for ((try = 0; try < 300; try++)); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
done

find "$data" -name '*.html.gz' | sort >"$dir/all"
if ((pages)); then head -n "$pages" "$dir/all" >"$dir/pages"; else cp "$dir/all" "$dir/pages"; fi
total=$(wc -l <"$dir/pages")
start=$(date +%s.%N)
python3 "$here/push_pages.py" "${post[@]}" "$dir/acked" 4 "$(IFS=,; echo "${serves[*]}")" "$rate" <"$dir/pages" 2>"$dir/push.log" &
pusher=$!
# Halfway, once the worker has stored some, a NATS node and the active worker die as machines do.
touch "$dir/acked"
stored_count() { psql -X -At "$db" -c "SELECT count(*) FROM documents"; }
for ((try = 0; try < 600; try++)); do
  (($(wc -l <"$dir/acked") >= total / 2 && $(stored_count) > 0)) && break
  sleep 0.2
done
if ((kills)); then
  kill -9 "$(cat "$dir/nats/n2.pid")"
  kill -9 "$worker_a"
  wait "$worker_a" 2>/dev/null || true
  killed="NATS node n2 and the active cluster worker"
  if ((extract > 1)); then
    kill -9 "${extractors[0]}"
    wait "${extractors[0]}" 2>/dev/null || true
    killed="NATS node n2, an extract worker and the active cluster worker"
  fi
  echo "cluster: killed $killed after $(wc -l <"$dir/acked") acknowledged, $(stored_count) stored"
fi
push_status=0
wait "$pusher" || push_status=$?
pushed=$(date +%s.%N)
sort -u "$dir/acked" >"$dir/acked.ids"
acknowledged=$(wc -l <"$dir/acked.ids")

# Drained when every acknowledged id is stored, or nothing new arrived for 60 s.
stored=0 last=-1 still=0
while ((still < 60)); do
  psql -X -At "$db" -c "SELECT id FROM documents" | sort -u >"$dir/stored.ids"
  stored=$(comm -12 "$dir/acked.ids" "$dir/stored.ids" | wc -l)
  ((stored >= acknowledged)) && break
  if ((stored == last)); then still=$((still + 1)); else still=0; last=$stored; fi
  sleep 1
done
drained=$(date +%s.%N)
lost=$((acknowledged - stored))
# Duplicated: a stored document no client was answered for (an article stored under a second id),
# or one stored more often than on one machine (more versions of it; compared below).
extra=$(comm -13 "$dir/acked.ids" "$dir/stored.ids" | wc -l)
took_over="did not take over"
grep -q "active:" "$dir/worker-b.log" && took_over="took over"

# The same pages on one machine, sent the same way to one `serve` that writes itself, one after
# another in the order the cluster stored their documents (replay_order.py says why): agreement
# then measures what distribution changes, not the interleaving of the clients and workers.
local_port=$((base + 30))
"$storyline" serve --db "$dir/local.db" --create --port "$local_port" 2>>"$dir/local.log" &
pids+=($!)
for ((try = 0; try < 300; try++)); do curl -fsS "http://127.0.0.1:$local_port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
psql -X -At "$db" -c "SELECT id FROM documents ORDER BY seq" >"$dir/stored.order"
python3 "$here/replay_order.py" "$dir/acked.files" "$dir/stored.order" "$dir/pages" >"$dir/pages.in-order"
python3 "$here/push_pages.py" "${post[@]}" "$dir/local.acked" 1 "http://127.0.0.1:$local_port" <"$dir/pages.in-order" 2>>"$dir/local.log"
sqlite3 "$dir/local.db" "SELECT id, coalesce(story_id, '') FROM documents" >"$dir/local.stories"
psql -X -At "$db" -c "SELECT id, coalesce(story_id, '') FROM documents" >"$dir/cluster.stories"
sqlite3 "$dir/local.db" "SELECT id || '|' || version FROM documents" | sort >"$dir/local.versions"
psql -X -At "$db" -c "SELECT id || '|' || version FROM documents" | sort >"$dir/cluster.versions"
more_versions=$(join -t'|' "$dir/local.versions" "$dir/cluster.versions" | awk -F'|' '$3 > $2' | wc -l)
duplicated=$((extra + more_versions))
agreement=$(python3 "$here/bcubed.py" "$dir/local.stories" "$dir/cluster.stories")
rate=$(python3 -c "print(f'{$total / ($pushed - $start):.0f} pages/s acknowledged, {$total / ($drained - $start):.0f} pages/s stored')")
echo "cluster: $total pages, $extract extract workers, $rate; the standby $took_over (push status $push_status)"
echo "cluster: acknowledged $acknowledged, stored $stored, lost $lost, duplicated $duplicated, agreement $agreement"
((lost == 0 && duplicated == 0 && push_status == 0))
