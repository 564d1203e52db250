#!/usr/bin/env bash
# Starts a PostgreSQL server of Debian's postgresql package for tests and local clusters, on
# loopback only, in a folder of its own: scripts/postgres/start.sh DIR PORT [--fast]
# Prints the address of its `postgres` database (postgresql://storyline@127.0.0.1:PORT/postgres).
# --fast turns durability off (fsync, full-page writes): for tests, never for data you keep.
# PostgreSQL refuses to run as root: as root the server runs as the `postgres` user.
# Stop it with scripts/postgres/stop.sh DIR.
set -euo pipefail
dir=${1:?usage: start.sh DIR PORT [--fast]}
port=${2:?usage: start.sh DIR PORT [--fast]}
fast=${3:-}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "start.sh: no PostgreSQL server installed (/usr/lib/postgresql/*/bin/initdb); run scripts/setup-debian.sh" >&2
  exit 2
fi
mkdir -p "$dir"
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$dir"
  as_owner=(runuser -u postgres --)
fi
if [ ! -f "$dir/data/PG_VERSION" ]; then
  "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -A trust -U storyline -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
    { echo "start.sh: initdb failed; see $dir/initdb.log" >&2; exit 1; }
fi
options="-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200"
[ "$fast" = "--fast" ] && options="$options -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -o "$options" -l "$dir/server.log" -w -t 30 start >/dev/null ||
  { echo "start.sh: the server did not start; see $dir/server.log" >&2; exit 1; }
echo "postgresql://storyline@127.0.0.1:$port/postgres"
