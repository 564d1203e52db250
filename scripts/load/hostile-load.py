#!/usr/bin/env python3
"""Hostile load on `storyline serve`, loopback only and bounded in time (issue 16).

Starts a server on a fresh store (a few articles), then runs each attack for SECONDS while a
prober asks /healthz and /api/stories?limit=50 on fresh connections every 50 ms, and prints per
attack: what the attack's requests were answered, the probes' p50/p99/max latency and failures,
and the server's peak memory (VmHWM). Exit 1 when an attack's request is accepted (2xx), the store
changes, or a probe fails outright; latency is reported, not judged (the goals of issue 16 are a
p99 under 100 ms).

usage: scripts/load/hostile-load.py [--seconds 12] [--connections 100] [--storyline build/storyline]
"""
import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zlib

ARTICLE = {"title": "Harbour bridge reopens", "url": "https://example.com/bridge",
           "text": "The harbour bridge reopened to traffic after eight months of repairs, the city said. " * 5}


def connect(port):
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def status_of(sock, timeout=15.0):
    """The status code of the answer on `sock` (0 when none came)."""
    sock.settimeout(timeout)
    data = b""
    try:
        while b"\r\n" not in data:
            got = sock.recv(4096)
            if not got:
                break
            data += got
    except OSError:
        pass
    match = re.match(rb"HTTP/1\.[01] (\d{3})", data)
    return int(match.group(1)) if match else 0


def request(port, raw, timeout=15.0):
    """Sends `raw` (stopping early if the server answers or hangs up) and returns the status."""
    sock = connect(port)
    try:
        sock.settimeout(timeout)
        view = memoryview(raw)
        try:
            while view:
                sent = sock.send(view[:65536])
                view = view[sent:]
        except OSError:
            pass
        return status_of(sock, timeout)
    finally:
        sock.close()


def get(port, path):
    return request(port, f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())


def documents(port):
    sock = connect(port)
    sock.sendall(b"GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    data = b""
    while True:
        got = sock.recv(65536)
        if not got:
            break
        data += got
    sock.close()
    match = re.search(rb"\nstoryline_documents (\d+)", data)
    return int(match.group(1)) if match else -1


def peak_memory_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


class Prober(threading.Thread):
    """Asks /healthz and /api/stories?limit=50 on fresh connections every 50 ms."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port, self.stop, self.latencies, self.failures = port, threading.Event(), [], 0

    def run(self):
        paths = ["/healthz", "/api/stories?limit=50"]
        i = 0
        while not self.stop.is_set():
            start = time.monotonic()
            try:
                ok = get(self.port, paths[i % 2]) == 200
            except OSError:
                ok = False
            self.latencies.append(time.monotonic() - start)
            self.failures += 0 if ok else 1
            i += 1
            time.sleep(0.05)

    def summary(self):
        values = sorted(self.latencies) or [0.0]
        pick = lambda q: values[min(len(values) - 1, int(q * len(values)))] * 1000
        return f"probes {len(self.latencies):4d}  p50 {pick(.5):7.1f} ms  p99 {pick(.99):7.1f} ms  " \
               f"max {values[-1] * 1000:7.1f} ms  failed {self.failures}"


def hold(port, n, seconds, first=b"", trickle=b""):
    """`n` connections that send `first` and then `trickle` a byte a second, for `seconds`.
    Returns the statuses the server answered them (0: closed without one)."""
    socks = []
    for _ in range(n):
        try:
            sock = connect(port)
            if first:
                sock.sendall(first)
            socks.append(sock)
        except OSError:
            pass
    end = time.monotonic() + seconds
    answered = {}
    while time.monotonic() < end:
        for sock in socks:
            if sock in answered:
                continue
            try:
                if trickle:
                    sock.send(trickle[:1])
                sock.settimeout(0.0)
                data = sock.recv(4096)
                answered[sock] = int(data[9:12]) if data.startswith(b"HTTP/1.") else 0
            except (BlockingIOError, socket.timeout):
                pass
            except OSError:
                answered[sock] = 0
        time.sleep(1.0)
    statuses = list(answered.values())
    for sock in socks:
        sock.close()
    return f"{len(socks)} held, {len(statuses)} cut off by the server, statuses {sorted(set(statuses))}", statuses


def concurrently(n, work):
    results = [None] * n
    threads = [threading.Thread(target=lambda i=i: results.__setitem__(i, work())) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def gzip_of(prefix, filler, total):
    """gzip of `prefix` then `filler` repeated to `total` bytes, made a MiB at a time."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [compressor.compress(prefix)]
    block = filler * ((1 << 20) // len(filler))
    for _ in range(total // len(block)):
        out.append(compressor.compress(block))
    out.append(compressor.flush())
    return b"".join(out)


def chunked(body, size=65536):
    out = bytearray()
    for at in range(0, len(body), size):
        piece = body[at:at + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return bytes(out + b"0\r\n\r\n")


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=12)  # past the 10 s header deadline
    parser.add_argument("--connections", type=int, default=100)
    parser.add_argument("--storyline", default=os.environ.get("STORYLINE", os.path.join(root, "build", "storyline")))
    args = parser.parse_args()
    if not os.access(args.storyline, os.X_OK):
        print(f"hostile-load: {args.storyline} is not built", file=sys.stderr)
        return 2

    work = tempfile.mkdtemp()
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    server = subprocess.Popen([args.storyline, "serve", "--db", os.path.join(work, "store.db"), "--create", "--port", str(port)],
                              stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                if get(port, "/healthz") == 200:
                    break
            except OSError:
                time.sleep(0.1)
        body = json.dumps(ARTICLE).encode()
        head = b"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        assert request(port, head + b"Content-Length: %d\r\n\r\n" % len(body) + body) == 201, "serve did not start"
        before = documents(port)
        print(f"serve on port {port}: {before} document(s), resting memory {peak_memory_kb(server.pid) // 1024} MiB")
        n, seconds = args.connections, args.seconds
        bomb = gzip_of(b"", b" ", 1 << 30)  # 1 GiB of spaces in about 1 MB
        html_bomb = gzip_of(b"<html><head><title>t</title></head><body><p>", b"word ", 256 << 20)
        big_chunked = head + b"Transfer-Encoding: chunked\r\n\r\n" + chunked(b"x" * (50 << 20))
        attacks = [
            ("idle connections", lambda: hold(port, n * 2, seconds)),
            ("slowloris: a header byte a second", lambda: hold(
                port, n, seconds, b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", b"a")),
            ("slow body: a body byte a second", lambda: hold(
                port, n, seconds, head + b"Content-Length: %d\r\n\r\n" % len(body), body)),
            ("chunked POST of 50 MB, 4 at once", lambda: (lambda s: (f"statuses {s}", s))(concurrently(
                4, lambda: request(port, big_chunked)))),
            ("Content-Encoding: gzip, 1 GiB in 1 MB, 6 at once", lambda: (lambda s: (f"statuses {s}", s))(concurrently(
                6, lambda: request(port, head + b"Content-Encoding: gzip\r\nContent-Length: %d\r\n\r\n" % len(bomb) + bomb)))),
            ("a gzip page as the body, 6 at once", lambda: (lambda s: (f"statuses {s}", s))(concurrently(
                6, lambda: request(port, b"PUT /bomb.html HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: %d\r\n\r\n"
                                   % len(html_bomb) + html_bomb)))),
            ("Content-Length and Transfer-Encoding", lambda: (lambda s: (f"statuses {s}", s))([request(
                port, head + b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(body))])),
            ("framing read two ways (CL abc, -1, +N; TE gzip)", lambda: (lambda s: (f"statuses {s}", s))([request(
                port, head + framing + b"\r\n" + body, timeout=5) for framing in (
                    b"Content-Length: abc\r\n", b"Content-Length: -1\r\n", b"Content-Length: +%d\r\n" % len(body),
                    b"Transfer-Encoding: gzip\r\n", b"Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n")])),
            ("bodies that are no document or a date that is none", lambda: (lambda s: (f"statuses {s}", s))([request(
                port, head + b"Content-Length: %d\r\n\r\n" % len(bad) + bad) for bad in (
                    b"hello", b"null", b"123", b'"str"', json.dumps(dict(ARTICLE, url="https://example.com/undated",
                                                                         published="not a date")).encode())])),
            ("a foreign Host (DNS rebinding): read and write", lambda: (lambda s: (f"statuses {s}", s))([request(
                port, raw.replace(b"Host: 127.0.0.1", b"Host: rebind.example")) for raw in (
                    b"GET /api/stories HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                    head + b"Content-Length: %d\r\n\r\n" % len(body) + body)])),
            ("a time to live that is no number (max-age=12abc)", lambda: (lambda s: (f"statuses {s}", s))([request(
                port, b"PUT /ttl.html HTTP/1.1\r\nHost: 127.0.0.1\r\nCache-Control: max-age=12abc\r\n"
                b"Content-Length: %d\r\n\r\n" % len(page) + page) for page in (
                    b"<html><head><title>Ferry strike ends</title></head><body><p>The ferry strike ended on Monday "
                    b"after the union accepted the offer, the operator said.</p></body></html>",)])),
        ]
        failed = False
        for name, attack in attacks:
            prober = Prober(port)
            prober.start()
            said, statuses = attack()
            time.sleep(0.2)
            prober.stop.set()
            prober.join()
            accepted = [s for s in statuses if 200 <= s < 300]
            print(f"{name:48s} {said}\n{'':48s} {prober.summary()}  peak memory {peak_memory_kb(server.pid) // 1024} MiB")
            failed |= bool(accepted) or prober.failures > 0
        after = documents(port)
        print(f"store: {before} document(s) before, {after} after")
        failed |= after != before
        return 1 if failed else 0
    finally:
        server.terminate()
        server.wait()
        subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    sys.exit(main())
