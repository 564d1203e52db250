#!/usr/bin/env python3
"""Writes N news-like documents (Document JSON Lines) made from the text in ../shared/data, for
load tests: BBC, Reuters-21578, 20 Newsgroups and ECB+ articles cut into pieces of about 90 words,
interleaved as a stream would be, with dates spread over one month and publishers over 200
domains. Standard library only.

usage: make_corpus.py SHARED_DATA_DIR COUNT > corpus.jsonl
"""
import gzip
import json
import os
import re
import sys
import tarfile

WORDS_PER_PIECE = 90


def articles(data):
    bbc = os.path.join(data, "categories", "bbc-news-2225")
    for root, _, files in sorted(os.walk(bbc)):
        for name in sorted(files):
            if name.endswith(".txt") and not name.startswith("README"):
                with open(os.path.join(root, name), encoding="utf-8", errors="replace") as f:
                    title, _, body = f.read().partition("\n")
                yield title, body
    with tarfile.open(os.path.join(data, "categories", "reuters21578", "reut2-sgm.tar.gz")) as tar:
        for member in tar:
            if not member.name.endswith(".sgm"):
                continue
            text = tar.extractfile(member).read().decode("latin-1")
            for record in text.split("</REUTERS>"):
                body = re.search(r"<BODY>(.*?)</BODY>", record, re.S)
                title = re.search(r"<TITLE>(.*?)</TITLE>", record, re.S)
                if body:
                    yield (title.group(1) if title else ""), body.group(1)
    with tarfile.open(os.path.join(data, "categories", "20newsgroups-bydate", "20news-bydate.tar.gz")) as tar:
        for member in tar:
            if not member.isfile():
                continue
            headers, _, body = tar.extractfile(member).read().decode("latin-1").partition("\n\n")
            subject = re.search(r"^Subject:(.*)$", headers, re.M)
            yield (subject.group(1).strip() if subject else ""), body
    with open(os.path.join(data, "clustering", "ecbplus", "ecbplus_docs.jsonl"), encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            yield record.get("title") or "", record.get("text") or ""


def main():
    data, count = sys.argv[1], int(sys.argv[2])
    pieces = []
    for title, body in articles(data):
        words = body.split()
        for part, start in enumerate(range(0, len(words), WORDS_PER_PIECE)):
            pieces.append((title if part == 0 else f"{title} ({part})", " ".join(words[start:start + WORDS_PER_PIECE])))
            if len(pieces) >= count:
                break
        if len(pieces) >= count:
            break
    stride = 7919  # interleave the sources with a fixed prime stride, as a news stream would
    out = sys.stdout
    for i in range(len(pieces)):
        title, text = pieces[(i * stride) % len(pieces)]
        day = 1 + i * 30 // len(pieces)
        out.write(json.dumps({
            "id": f"load-{i}", "title": title.strip() or f"Untitled {i}", "text": text,
            "published": f"2026-01-{day:02d}T{(i * 7) % 24:02d}:00:00Z", "language": "en",
            "domain": f"publisher{i % 200}.example", "site_name": f"Publisher {i % 200}",
            "url": f"https://publisher{i % 200}.example/{i}",
        }) + "\n")


if __name__ == "__main__":
    main()
