#!/usr/bin/python3
"""Sends pages to several `storyline serve` as a client would, round robin, from a few threads:
through the contest API (PUT /NAME.html, NAME the file's, with Cache-Control: max-age=86400;
the default) or with --post through POST /api/articles, the page as the body; a page not answered 201 (503 while a NATS node is lost, a
refused connection) is sent again, up to 20 times, with the same body (JetStream keeps one copy).
Writes each acknowledged document id to ACKED, one a line, as the answers come, and the id with
its page's path to ACKED.files (`id<TAB>path`). RATE (pages a
second, 0 for as fast as they are answered) spreads the stream over time, so that a test can kill
machines while it flows.
Usage: push_pages.py [--post] ACKED THREADS URL[,URL...] [RATE] < list of page files"""
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.request


def main():
    arguments = sys.argv[1:]
    post = arguments[0] == "--post"
    if post:
        arguments = arguments[1:]
    acked_path, threads, urls = arguments[0], int(arguments[1]), arguments[2].split(",")
    rate = float(arguments[3]) if len(arguments) > 3 else 0
    started = time.monotonic()
    files = [line.strip() for line in sys.stdin if line.strip()]
    lock = threading.Lock()
    next_file = [0]
    failures = [0]
    acked = open(acked_path, "a", buffering=1)
    acked_files = open(acked_path + ".files", "a", buffering=1)

    def send(index, path):
        body = open(path, "rb").read()
        name = os.path.basename(path).split(".")[0] + ".html"
        for attempt in range(20):
            server = urls[(index + attempt) % len(urls)]
            try:
                if post:
                    request = urllib.request.Request(server + "/api/articles", data=body, method="POST")
                else:
                    request = urllib.request.Request(server + "/" + name, data=body, method="PUT",
                                                     headers={"Cache-Control": "max-age=86400"})
                with urllib.request.urlopen(request, timeout=30) as answer:
                    if post and answer.status == 201:
                        return json.loads(answer.read())["ids"]
                    if not post and answer.status in (201, 204):
                        return [name]
            except urllib.error.HTTPError as error:
                if error.code < 500:
                    sys.stderr.write(f"push_pages: {path}: {error.code} {error.read()[:200]!r}\n")
                    return []
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2 * (attempt + 1))
        sys.stderr.write(f"push_pages: {path}: not acknowledged after 20 tries\n")
        with lock:
            failures[0] += 1
        return []

    def work():
        while True:
            with lock:
                index = next_file[0]
                next_file[0] += 1
            if index >= len(files):
                return
            if rate:
                time.sleep(max(0.0, started + index / rate - time.monotonic()))
            for document_id in send(index, files[index]):
                with lock:
                    acked.write(document_id + "\n")
                    acked_files.write(document_id + "\t" + files[index] + "\n")

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    sys.exit(1 if failures[0] else 0)


if __name__ == "__main__":
    main()
