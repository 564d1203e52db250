#!/usr/bin/env bash
# Checks that every tracked C++ file (*.cpp, *.h) is formatted as .clang-format says, with the
# clang-format of Debian bookworm (14; another major version formats some constructs differently).
# On a difference it names the files and prints the command that fixes them.
# `scripts/check-format.sh --fix` reformats every tracked C++ file in place instead.
set -euo pipefail
cd "$(dirname "$0")/.."
clang_format="${CLANG_FORMAT:-clang-format-14}"
command -v "$clang_format" >/dev/null || clang_format=clang-format
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files -- '*.cpp' '*.h')
else
  mapfile -t files < <(find src apps tests bench fuzz -name '*.cpp' -o -name '*.h' | sort)
fi
if [ "${1:-}" = --fix ]; then
  "$clang_format" -i "${files[@]}"
  exit 0
fi
if report=$("$clang_format" --dry-run --Werror "${files[@]}" 2>&1); then
  exit 0
fi
# Diagnostics read "FILE:LINE:COLUMN: error: code should be clang-formatted [...]".
mapfile -t unformatted < <(printf '%s\n' "$report" | sed -n 's/^\(.*\):[0-9]*:[0-9]*: error: .*/\1/p' | sort -u)
if ((${#unformatted[@]} == 0)); then
  printf '%s\n' "$report" >&2
  echo "format: $clang_format failed" >&2
  exit 1
fi
{
  echo "format: ${#unformatted[@]} file(s) differ from .clang-format ($("$clang_format" --version | head -n 1)):"
  printf '  %s\n' "${unformatted[@]}"
  echo "Fix them with:"
  echo "  $clang_format -i ${unformatted[*]}"
  echo "or reformat every tracked C++ file: bash scripts/check-format.sh --fix"
} >&2
exit 1
