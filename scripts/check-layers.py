#!/usr/bin/python3
"""Checks src/ against the layer table src/layers.tsv (no packages beyond Python's own).

1. The table itself: every folder of src/storyline has one line, names only folders above it
   (so the layers cannot form a cycle) and each at most once.
2. Every #include "storyline/<folder>/..." in src/storyline: a file may include its own folder and
   the folders its folder's line names, nothing else.
3. No file in src/storyline is over 500 lines unless it says why among its first lines (a comment
   holding "500 lines").

Prints one line per problem, "path:line: what", and exits 1 when there is any; exits 0 quietly
otherwise. Usage: scripts/check-layers.py [repository root] (default: this script's parent folder).
"""
import os
import re
import sys

MAX_LINES = 500
REASON = re.compile(r"500 lines")
REASON_WITHIN = 12  # the reason must sit among a file's first lines
# Long files whose reason (or split) is still to come, each with why not yet; keep it short.
LONG_FILES_PENDING = {}
INCLUDE = re.compile(r'^\s*#\s*include\s*"(storyline/([^/"]+)/[^"]*)"')
SOURCE_SUFFIXES = (".h", ".cpp", ".inc")


def read_table(path, problems):
    """folder -> list of dependencies, in the table's order."""
    table = {}
    with open(path, encoding="utf-8") as file:
        for number, line in enumerate(file, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = line.split("\t")
            folder = fields[0].strip()
            dependencies = fields[1].split() if len(fields) > 1 else []
            where = f"{path}:{number}"
            if len(fields) > 2 or not folder or " " in folder:
                problems.append(f"{where}: expected 'folder<TAB>dependencies', got {line!r}")
                continue
            if folder in table:
                problems.append(f"{where}: {folder} has a second line")
                continue
            for dependency in dependencies:
                if dependency == folder:
                    problems.append(f"{where}: {folder} names itself")
                elif dependency not in table:
                    problems.append(f"{where}: {folder} names {dependency}, which is not a folder above it")
                elif dependencies.count(dependency) > 1:
                    problems.append(f"{where}: {folder} names {dependency} twice")
            table[folder] = dependencies
    return table


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
    os.chdir(root)
    table_path = os.path.join("src", "layers.tsv")
    library = os.path.join("src", "storyline")
    problems = []
    table = read_table(table_path, problems)

    folders = sorted(entry for entry in os.listdir(library) if os.path.isdir(os.path.join(library, entry)))
    for folder in folders:
        if folder not in table:
            problems.append(f"{table_path}: src/storyline/{folder} has no line")
    for folder in table:
        if folder not in folders:
            problems.append(f"{table_path}: {folder} is no folder of src/storyline")

    for folder in folders:
        allowed = {folder, *table.get(folder, [])}
        for directory, _, names in sorted(os.walk(os.path.join(library, folder))):
            for name in sorted(names):
                if not name.endswith(SOURCE_SUFFIXES):
                    continue
                path = os.path.join(directory, name)
                with open(path, encoding="utf-8", errors="replace") as file:
                    lines = file.readlines()
                for number, line in enumerate(lines, 1):
                    match = INCLUDE.match(line)
                    if match and match.group(2) not in allowed:
                        named = " ".join(table.get(folder, [])) or "no other folder"
                        problems.append(f'{path}:{number}: {folder} may not include "{match.group(1)}"'
                                        f" ({table_path}: {folder} may include {named})")
                long = len(lines) > MAX_LINES and path not in LONG_FILES_PENDING
                if long and not any(REASON.search(line) for line in lines[:REASON_WITHIN]):
                    problems.append(f"{path}:1: {len(lines)} lines: split it, or say at its top why it is over"
                                    f' {MAX_LINES} lines (a comment holding "500 lines")')

    for problem in problems:
        print(problem)
    if problems:
        print(f"check-layers: {len(problems)} problem(s); the layers are declared in {table_path}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
