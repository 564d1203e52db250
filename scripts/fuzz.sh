#!/usr/bin/env bash
# Builds the libFuzzer targets (the `asan` preset: clang, ASan+UBSan) and runs each for SECONDS
# (default 20) on its seed corpus in fuzz/corpus/<target>. A crash fails the run and leaves the
# input in build-asan/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
# STORYLINE_WERROR=ON (as scripts/test.sh sets it): warnings are errors; unset, the cache's setting.
cmake --preset asan ${STORYLINE_WERROR:+"-DSTORYLINE_WERROR=$STORYLINE_WERROR"} >/dev/null
# Only the fuzz targets (and the library under them); test.sh has built the rest of the tree.
mapfile -t fuzz_targets < <(for source in fuzz/*_fuzz.cpp; do basename "$source" .cpp; done)
cmake --build --preset asan --target "${fuzz_targets[@]}"
shopt -s nullglob
targets=(build-asan/fuzz/*_fuzz)
if ((${#targets[@]} == 0)); then
  echo "fuzz: no fuzz targets built"
  exit 0
fi
for target in "${targets[@]}"; do
  name=$(basename "$target")
  corpus="fuzz/corpus/${name%_fuzz}"
  work="build-asan/corpus-$name"
  mkdir -p "$work"
  [ -d "$corpus" ] && cp -n "$corpus"/* "$work"/ 2>/dev/null || true
  echo "fuzz: $name for ${seconds}s"
  (cd build-asan && "../$target" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
     -artifact_prefix="./$name-" "../$work" 2>&1 | tail -n 3)
done
