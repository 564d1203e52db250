#!/usr/bin/env bash
# Stops a server that scripts/postgres/start.sh started in DIR: scripts/postgres/stop.sh DIR [fast|immediate]
set -euo pipefail
dir=${1:?usage: stop.sh DIR [fast|immediate]}
mode=${2:-fast}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
as_owner=()
[ "$(id -u)" -eq 0 ] && as_owner=(runuser -u postgres --)
[ -f "$dir/data/postmaster.pid" ] || exit 0
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m "$mode" -w stop >/dev/null
