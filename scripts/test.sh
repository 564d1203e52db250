#!/usr/bin/env bash
# Installs what is needed, checks the layers (scripts/check-layers.py), builds, and runs every
# test: the unit and end-to-end tests (ctest), the same under AddressSanitizer + UBSan, and each
# libFuzzer target for a short while.
# The sanitizer tree (clang) holds the fuzz targets too. Set STORYLINE_SKIP_ASAN=1 or STORYLINE_SKIP_FUZZ=1 to leave a part out locally.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
# The layers first: seconds, and a wrong-way include is then named by file and line, not by a
# compiler error in the middle of the build.
python3 scripts/check-layers.py

cmake --preset default >/dev/null
cmake --build --preset default
ctest --preset default -j2

if [ "${STORYLINE_SKIP_ASAN:-0}" != 1 ]; then
  cmake --preset asan >/dev/null
  cmake --build --preset asan
  # Load figures under a sanitizer mean nothing: the load test runs in the default build only.
  ctest --preset asan -j2 -E '^load_test'
fi

if [ "${STORYLINE_SKIP_FUZZ:-0}" != 1 ]; then
  bash scripts/fuzz.sh "${STORYLINE_FUZZ_SECONDS:-10}"
fi
