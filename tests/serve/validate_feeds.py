#!/usr/bin/python3
"""Storyline's own feeds (/feeds/...) read by a real feed parser: Debian's python3-feedparser.

Ingests tests/serve/fixtures/feed_documents.jsonl into a fresh store, serves it on a free loopback
port, and fetches the top, category, story and search feeds in both formats. Every Atom feed must
parse with bozo == 0 (well-formed, no encoding trouble) and have entries with an id, a link, a
title and an updated time; every JSON Feed must be JSON with version 1.1 and items with an id and
a title or content. (feedparser 6.0 reads no JSON Feed, so those are checked as JSON.)

usage: validate_feeds.py --storyline build/storyline                  (a server of its own)
       validate_feeds.py --base http://127.0.0.1:8080 --query WORDS   (a server already running)
Exit 0 passed, 1 failed, 77 skipped (feedparser not installed: apt-get install python3-feedparser).
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

try:
    import feedparser
except ImportError:
    print("validate-feeds: python3-feedparser is not installed (scripts/setup-debian.sh installs it): skipped")
    sys.exit(77)

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "fixtures", "feed_documents.jsonl")
FIXTURE_QUERY = "Ridgecrest"  # words of the fixture's earthquake story
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Checks:
    def __init__(self):
        self.failures = 0

    def ok(self, condition, message):
        if not condition:
            self.failures += 1
            print(f"FAIL {message}")
        return condition

    def atom(self, url):
        status, content_type, body = fetch(url)
        self.ok(status == 200, f"{url}: status {status}")
        self.ok(content_type.startswith("application/atom+xml"), f"{url}: content type {content_type}")
        parsed = feedparser.parse(body, response_headers={"content-type": content_type})
        self.ok(parsed.bozo == 0, f"{url}: bozo {parsed.bozo} ({parsed.get('bozo_exception')})")
        self.ok(parsed.version == "atom10", f"{url}: version {parsed.version!r}")
        self.ok(parsed.feed.get("id") and parsed.feed.get("title") and parsed.feed.get("updated_parsed"),
                f"{url}: the feed has an id, a title and an updated time")
        self.ok(any(link.get("rel") == "self" for link in parsed.feed.get("links", [])), f"{url}: a self link")
        self.ok(len(parsed.entries) > 0, f"{url}: has entries")
        for entry in parsed.entries:
            for field in ("id", "link", "title", "updated"):
                self.ok(entry.get(field), f"{url}: entry {entry.get('id')!r} has {field}")
            self.ok(entry.get("updated_parsed") is not None, f"{url}: entry {entry.get('id')!r} updated is a time")
        print(f"{url}: {parsed.version}, bozo {parsed.bozo}, {len(parsed.entries)} entries; first: "
              f"{parsed.entries[0].get('title')!r} {parsed.entries[0].get('updated')} {parsed.entries[0].get('id')}"
              if parsed.entries else f"{url}: {parsed.version}, bozo {parsed.bozo}, no entries")
        return parsed

    def json_feed(self, url):
        status, content_type, body = fetch(url)
        self.ok(status == 200, f"{url}: status {status}")
        self.ok(content_type.startswith("application/feed+json"), f"{url}: content type {content_type}")
        try:
            feed = json.loads(body)
        except ValueError as error:
            self.ok(False, f"{url}: not JSON ({error})")
            return None
        self.ok(feed.get("version") == JSON_FEED_VERSION, f"{url}: version {feed.get('version')!r}")
        self.ok(isinstance(feed.get("title"), str), f"{url}: a title")
        items = feed.get("items")
        self.ok(isinstance(items, list) and len(items) > 0, f"{url}: has items")
        for item in items or []:
            self.ok(isinstance(item.get("id"), str) and item["id"], f"{url}: item has an id")
            self.ok(item.get("title") or item.get("content_text") or item.get("content_html"),
                    f"{url}: item {item.get('id')!r} has a title or content")
            self.ok("content_text" in item or "content_html" in item, f"{url}: item {item.get('id')!r} has content")
        print(f"{url}: JSON Feed {feed.get('version')}, {len(items or [])} items")
        return feed


def validate(base, query, fixture):
    checks = Checks()
    with urllib.request.urlopen(base + "/api/stories?limit=5", timeout=10) as response:
        stories = json.load(response)["stories"]
    if not checks.ok(stories, "the store has stories"):
        return checks.failures
    story = next((s for s in stories if s["article_count"] > 1), stories[0])
    feeds = {
        "top": "/feeds/top",
        "category": "/feeds/category/" + urllib.parse.quote(story["category"] or "other", safe=""),
        "story": "/feeds/story/" + urllib.parse.quote(story["id"], safe=""),
        "search": "/feeds/search",
    }
    for name, path in feeds.items():
        searched = "?q=" + urllib.parse.quote(query) if name == "search" else ""
        atom = checks.atom(base + path + ".atom" + searched)
        json_feed = checks.json_feed(base + path + ".json" + searched)
        if json_feed and atom.entries:
            checks.ok([item["id"] for item in json_feed["items"]] == [entry.id for entry in atom.entries],
                      f"{path}: both formats list the same entries")
    story_feed = checks.atom(base + feeds["story"] + ".atom")
    checks.ok(len(story_feed.entries) == story["article_count"],
              f"the story feed has one entry per article ({len(story_feed.entries)} of {story['article_count']})")
    if fixture:
        # Titles with markup, quotes and a control character (the fixture's markets story) parse as text.
        markets = checks.atom(base + "/feeds/search.atom?q=" + urllib.parse.quote("bonds"))
        titles = [entry.title for entry in markets.entries]
        checks.ok(any("<rise> & \"bonds\" 'fall'" in title for title in titles), f"markup in a title survives: {titles}")
    for status_path, expected in (("/feeds/story/no-such-story.atom", 404), ("/feeds/category/gossip.json", 400),
                                  ("/feeds/search.atom", 400)):
        try:
            status = fetch(base + status_path)[0]
        except urllib.error.HTTPError as error:
            status = error.code
        checks.ok(status == expected, f"{status_path}: {status}, expected {expected}")
    return checks.failures


def serve_fixture(storyline, work):
    """Ingests the fixture and starts `storyline serve`; returns (process, base URL)."""
    db = os.path.join(work, "store.db")
    ingest = subprocess.run([storyline, "ingest", "--db", db, FIXTURE], capture_output=True, text=True)
    if ingest.returncode != 0:
        sys.exit(f"validate-feeds: ingest failed ({ingest.returncode}): {ingest.stderr}")
    for _ in range(5):  # a port found free can be taken before serve binds it: try another
        port = free_port()
        log = open(os.path.join(work, "serve.log"), "w")
        server = subprocess.Popen([storyline, "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)],
                                  stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            if server.poll() is not None:
                break
            try:
                if fetch(base + "/healthz")[0] == 200:
                    return server, base
            except OSError:
                time.sleep(0.1)
        if server.poll() is None:
            server.terminate()
            server.wait()
    with open(os.path.join(work, "serve.log")) as log:
        sys.exit("validate-feeds: storyline serve did not start:\n" + log.read())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--storyline", help="the storyline executable: serve the fixture with it")
    parser.add_argument("--base", help="a running server's address instead (its store needs stories)")
    parser.add_argument("--query", default=FIXTURE_QUERY, help="what the search feed searches for (with --base)")
    args = parser.parse_args()
    if args.base:
        failures = validate(args.base.rstrip("/"), args.query, fixture=False)
    elif args.storyline:
        with tempfile.TemporaryDirectory(prefix="storyline-feeds-") as work:
            server, base = serve_fixture(args.storyline, work)
            try:
                failures = validate(base, FIXTURE_QUERY, fixture=True)
            finally:
                server.terminate()
                server.wait(timeout=10)
    else:
        parser.error("give --storyline or --base")
    print(f"validate-feeds: {'passed' if not failures else f'{failures} checks failed'} (feedparser {feedparser.__version__})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
