#!/usr/bin/env bash
# Installs what is needed, builds, and runs Storyline's main job: ingests the seeds and a real
# news stream (../shared/data/news/telegram-contest-2019-11: three hours of November 2019 from
# about 900 publishers in many languages), or the folders named as arguments, into the embedded
# store (./storyline.db), prints the hottest stories, and serves the web page and API on
# http://127.0.0.1:8080/ until Ctrl-C. Heat is measured at the newest article, so the archive
# reads as that day. (The extraction fixtures and category corpora are test data, not news.)
#
# usage: bash scripts/demo.sh [--no-serve] [--port N] [FOLDER...]
set -euo pipefail
cd "$(dirname "$0")/.."
serve=1
port=8080
inputs=()
while (($#)); do
  case "$1" in
    --no-serve) serve=0 ;;
    --port) port="$2"; shift ;;
    *) inputs+=("$1") ;;
  esac
  shift
done
bash scripts/setup-debian.sh
cmake --preset default >/dev/null
cmake --build --preset default
if ((${#inputs[@]} == 0)); then
  # The stream first: the seeds (2021, 2025) are then a few articles newer than the store's "now".
  for candidate in ../shared/data/news/telegram-contest-2019-11 ../shared/seeds; do
    [ -e "$candidate" ] && inputs+=("$candidate")
  done
fi
if ((${#inputs[@]} == 0)); then
  echo "demo: ../shared is absent; name folders of news files: bash scripts/demo.sh FOLDER..." >&2
  exit 2
fi
for input in "${inputs[@]}"; do
  [ -e "$input" ] || { echo "demo: $input does not exist" >&2; exit 2; }
done
db="${STORYLINE_DB:-storyline.db}"
# Some inputs of the datasets are deliberately broken (exit 1 names them); the rest is stored.
./build/storyline ingest --db "$db" "${inputs[@]}" 2> >(tail -n 1 >&2) || true
./build/storyline stories --db "$db" --limit 10
if ((serve)); then
  exec ./build/storyline serve --db "$db" --port "$port"
fi
