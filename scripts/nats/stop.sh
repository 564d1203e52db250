#!/usr/bin/env bash
# Stops the nats-server nodes that scripts/nats/start.sh started in DIR: scripts/nats/stop.sh DIR [K]
# With K, only node K (its JetStream files stay, and start.sh's config restarts it:
# nats-server -c DIR/nK/nats.conf).
set -euo pipefail
dir=${1:?usage: stop.sh DIR [K]}
pattern="n*.pid"
[ -n "${2:-}" ] && pattern="n$2.pid"
shopt -s nullglob
for pid_file in "$dir"/$pattern; do
  pid=$(cat "$pid_file")
  kill "$pid" 2>/dev/null || true
  for ((try = 0; try < 100; try++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pid_file"
done
