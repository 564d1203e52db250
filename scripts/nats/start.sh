#!/usr/bin/env bash
# Starts Debian's nats-server with JetStream for tests and local clusters, on loopback only, in a
# folder of its own: scripts/nats/start.sh DIR PORT [--cluster N]
# One node listens on PORT; --cluster N starts N nodes (3 for streams replicated R3) on client
# ports PORT..PORT+N-1, routes on PORT+N..PORT+2N-1 and monitoring on PORT+2N..PORT+3N-1.
# Prints the address the roles take (`--queue`): nats://127.0.0.1:PORT[,nats://127.0.0.1:PORT+1,...].
# Node K (1..N) keeps its files in DIR/nK (config, log, JetStream store) and its pid in DIR/nK.pid,
# so that a test can kill one node. Stop all with scripts/nats/stop.sh DIR (one: stop.sh DIR K).
set -euo pipefail
usage="usage: start.sh DIR PORT [--cluster N]"
dir=${1:?$usage}
port=${2:?$usage}
nodes=1
if [ "${3:-}" = "--cluster" ]; then
  nodes=${4:?$usage}
elif [ -n "${3:-}" ]; then
  echo "start.sh: unknown option '$3'; $usage" >&2
  exit 2
fi
if ! command -v nats-server >/dev/null; then
  echo "start.sh: nats-server is not installed; run scripts/setup-debian.sh" >&2
  exit 2
fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
routes=""
for ((k = 0; k < nodes; k++)); do
  routes+="${routes:+, }nats-route://127.0.0.1:$((port + nodes + k))"
done
address=""
for ((k = 1; k <= nodes; k++)); do
  node="$dir/n$k"
  mkdir -p "$node/jetstream"
  client=$((port + k - 1))
  {
    echo "server_name: n$k"
    echo "listen: 127.0.0.1:$client"
    echo "http: 127.0.0.1:$((port + 2 * nodes + k - 1))"
    echo "pid_file: \"$dir/n$k.pid\""
    echo "max_payload: 8MB  # a write's documents are one message (serve's bodies are up to 16 MiB of pages)"
    echo "jetstream { store_dir: \"$node/jetstream\" }"
    if ((nodes > 1)); then
      echo "cluster { name: storyline, listen: 127.0.0.1:$((port + nodes + k - 1)), routes: [ $routes ] }"
    fi
  } >"$node/nats.conf"
  # setsid: the server outlives this script and the caller's terminal; its own log says why it stops.
  setsid nats-server -c "$node/nats.conf" -l "$node/server.log" </dev/null >/dev/null 2>&1 &
  address+="${address:+,}nats://127.0.0.1:$client"
done
# Ready when every node's /healthz says so: JetStream up and, in a cluster, a meta leader elected.
for ((k = 1; k <= nodes; k++)); do
  monitor="http://127.0.0.1:$((port + 2 * nodes + k - 1))/healthz"
  for ((try = 0; try < 300; try++)); do
    curl -fsS "$monitor" >/dev/null 2>&1 && break
    sleep 0.2
  done
  if ! curl -fsS "$monitor" >/dev/null 2>&1; then
    echo "start.sh: node n$k did not become ready within 60 s; see $dir/n$k/server.log" >&2
    exit 1
  fi
done
echo "$address"
