#!/usr/bin/env bash
# Installs what is needed, builds, and runs Storyline's main job on the seeds in ../shared/seeds
# (or on the folder named as the first argument): one clean Document JSON line per article.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
cmake --preset default >/dev/null
cmake --build --preset default
input="${1:-../shared/seeds}"
if [ ! -e "$input" ]; then
  echo "demo: $input does not exist; name a folder of news files: bash scripts/demo.sh FOLDER" >&2
  exit 2
fi
./build/storyline extract "$input"
