#!/usr/bin/env python3
"""Hostile load on `storyline serve`, loopback only and bounded in time (issue 16).

Starts a server on a fresh store (a few articles), then runs each attack for SECONDS while a
prober asks /healthz and /api/stories?limit=50 on fresh connections every 50 ms, and prints per
attack: what the attack's requests were answered, the probes' p50/p99/max latency (per path) and
failures, and the server's peak memory during that attack (VmHWM, reset before each attack).
Attackers connect from other loopback addresses than the prober (127.0.0.2 and up, --clients of
them), as other clients would: the server caps connections per client address. Exit 1 when an
attack's request is accepted (2xx), the store changes, or a probe fails outright. The goals of
issue 16 are reported at the end: p99 under 100 ms for both paths under --idle plus --slowloris
connections, and peak memory under every bomb within twice the resting memory plus the body
limit (16 MiB); with --judge, missing one is a failure too.

usage: scripts/load/hostile-load.py [--seconds 12] [--connections 100] [--idle 1000] [--slowloris 200]
                                    [--clients 8] [--judge] [--storyline build/storyline]
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


BODY_LIMIT_MIB = 16
ATTACKERS = ["127.0.0.2"]  # set from --clients in main()


def connect(port, source=None):
    sock = socket.create_connection(("127.0.0.1", port), timeout=10,
                                    source_address=(source, 0) if source else None)
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


def request(port, raw, timeout=15.0, source=None):
    """Sends `raw` (stopping early if the server answers or hangs up) and returns the status."""
    sock = connect(port, source)
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


def attack(port, raw, timeout=15.0):
    """An attacker's request: from the next attacking address in turn."""
    attack.turn = getattr(attack, "turn", 0) + 1
    return request(port, raw, timeout, ATTACKERS[attack.turn % len(ATTACKERS)])


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


def memory_kb(pid, field="VmHWM"):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def peak_memory_kb(pid):
    return memory_kb(pid, "VmHWM")


def reset_peak_memory(pid):
    """Resets VmHWM to the present resident size (Linux 4.0+), so that each attack's peak is its own."""
    try:
        with open(f"/proc/{pid}/clear_refs", "w") as clear:
            clear.write("5")
    except OSError:
        pass


class Prober(threading.Thread):
    """Asks /healthz and /api/stories?limit=50 on fresh connections every 50 ms."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port, self.stop, self.failures = port, threading.Event(), 0
        self.latencies = {path: [] for path in self.PATHS}

    PATHS = ["/healthz", "/api/stories?limit=50"]

    def run(self):
        i = 0
        while not self.stop.is_set():
            path = self.PATHS[i % 2]
            start = time.monotonic()
            try:
                ok = get(self.port, path) == 200
            except OSError:
                ok = False
            self.latencies[path].append(time.monotonic() - start)
            self.failures += 0 if ok else 1
            i += 1
            time.sleep(0.05)

    def p99_ms(self, path):
        values = sorted(self.latencies[path]) or [0.0]
        return values[min(len(values) - 1, int(.99 * len(values)))] * 1000

    def summary(self):
        parts = []
        for path in self.PATHS:
            values = sorted(self.latencies[path]) or [0.0]
            pick = lambda q: values[min(len(values) - 1, int(q * len(values)))] * 1000
            parts.append(f"{path.split('?')[0]}: {len(self.latencies[path])} p50 {pick(.5):.1f} p99 {pick(.99):.1f} "
                         f"max {values[-1] * 1000:.1f} ms")
        return "  ".join(parts) + f"  failed {self.failures}"


def hold(port, n, seconds, first=b"", trickle=b""):
    """`n` connections that send `first` and then `trickle` a byte a second, for `seconds`.
    Returns the statuses the server answered them (0: closed without one)."""
    socks = []
    for i in range(n):
        try:
            sock = connect(port, ATTACKERS[i % len(ATTACKERS)])
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


def together(*holds):
    """Runs holds at once; their reports joined."""
    results = [None] * len(holds)
    threads = [threading.Thread(target=lambda i=i: results.__setitem__(i, holds[i]())) for i in range(len(holds))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return "; ".join(said for said, _ in results), [s for _, statuses in results for s in statuses]


def from_one_client(port, n, seconds):
    """`n` idle connections from one address: those over the server's per-client cap are refused."""
    socks, refused = [], 0
    for _ in range(n):
        try:
            sock = connect(port, ATTACKERS[0])
            socks.append(sock)
        except OSError:
            refused += 1
    time.sleep(min(seconds, 1.0))
    statuses = []
    for sock in socks:
        sock.settimeout(0.0)
        try:
            data = sock.recv(4096)
            statuses.append(int(data[9:12]) if data.startswith(b"HTTP/1.") else 0)
        except (BlockingIOError, socket.timeout):
            pass
        except OSError:
            statuses.append(0)
    time.sleep(max(0.0, seconds - 1.0))
    for sock in socks:
        sock.close()
    return f"{len(socks)} opened from {ATTACKERS[0]}, {statuses.count(503)} refused 503", statuses

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
    parser.add_argument("--idle", type=int, default=1000)
    parser.add_argument("--slowloris", type=int, default=200)
    parser.add_argument("--clients", type=int, default=8, help="attacking addresses, 127.0.0.2 and up")
    parser.add_argument("--judge", action="store_true", help="fail when a goal of issue 16 is missed")
    parser.add_argument("--storyline", default=os.environ.get("STORYLINE", os.path.join(root, "build", "storyline")))
    args = parser.parse_args()
    if not os.access(args.storyline, os.X_OK):
        print(f"hostile-load: {args.storyline} is not built", file=sys.stderr)
        return 2

    ATTACKERS[:] = [f"127.0.0.{2 + i}" for i in range(max(1, args.clients))]
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
        for _ in range(20):  # warm: the answers cached, the workers' connections open
            get(port, "/api/stories?limit=50")
        resting_mib = memory_kb(server.pid, "VmRSS") / 1024
        print(f"serve on port {port}: {before} document(s), resting memory {resting_mib:.0f} MiB; "
              f"attackers from {ATTACKERS[0]}..{ATTACKERS[-1]}")
        n, seconds = args.connections, args.seconds
        bomb = gzip_of(b"", b" ", 1 << 30)  # 1 GiB of spaces in about 1 MB
        html_bomb = gzip_of(b"<html><head><title>t</title></head><body><p>", b"word ", 256 << 20)
        big_chunked = head + b"Transfer-Encoding: chunked\r\n\r\n" + chunked(b"x" * (50 << 20))
        crowd = f"{args.idle} idle + {args.slowloris} slowloris at once"
        attacks = [
            (crowd, lambda: together(lambda: hold(port, args.idle, seconds), lambda: hold(
                port, args.slowloris, seconds, b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", b"a"))),
            (f"{n * 3} connections from one client", lambda: from_one_client(port, n * 3, seconds)),
            ("idle connections", lambda: hold(port, n * 2, seconds)),
            ("slowloris: a header byte a second", lambda: hold(
                port, n, seconds, b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", b"a")),
            ("slow body: a body byte a second", lambda: hold(
                port, n, seconds, head + b"Content-Length: %d\r\n\r\n" % len(body), body)),
            ("chunked POST of 50 MB, 4 at once", lambda: (lambda s: (f"statuses {s}", s))(concurrently(
                4, lambda: attack(port, big_chunked)))),
            ("Content-Encoding: gzip, 1 GiB in 1 MB, 6 at once", lambda: (lambda s: (f"statuses {s}", s))(concurrently(
                6, lambda: attack(port, head + b"Content-Encoding: gzip\r\nContent-Length: %d\r\n\r\n" % len(bomb) + bomb)))),
            ("a gzip page as the body, 6 at once", lambda: (lambda s: (f"statuses {s}", s))(concurrently(
                6, lambda: attack(port, b"PUT /bomb.html HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: %d\r\n\r\n"
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
        bombs = [name for name, _ in attacks if name.startswith(("chunked POST", "Content-Encoding: gzip", "a gzip page"))]
        failed, goals = False, []
        for name, run_attack in attacks:
            reset_peak_memory(server.pid)
            prober = Prober(port)
            prober.start()
            said, statuses = run_attack()
            time.sleep(0.2)
            prober.stop.set()
            prober.join()
            accepted = [s for s in statuses if 200 <= s < 300]
            peak_mib = peak_memory_kb(server.pid) / 1024
            print(f"{name:48s} {said}\n{'':48s} {prober.summary()}  peak memory {peak_mib:.0f} MiB", flush=True)
            failed |= bool(accepted) or prober.failures > 0
            if name == crowd:
                for path in Prober.PATHS:
                    p99 = prober.p99_ms(path)
                    goals.append((f"{path} p99 under {crowd}: {p99:.1f} ms (goal < 100 ms)", p99 < 100))
            if name in bombs:
                bound = 2 * resting_mib + BODY_LIMIT_MIB
                goals.append((f"peak memory, {name}: {peak_mib:.0f} MiB (goal <= 2 x {resting_mib:.0f} + "
                              f"{BODY_LIMIT_MIB} = {bound:.0f} MiB)", peak_mib <= bound))
        after = documents(port)
        print(f"store: {before} document(s) before, {after} after")
        failed |= after != before
        for goal, met in goals:
            print(f"{'met   ' if met else 'MISSED'} {goal}")
            failed |= args.judge and not met
        return 1 if failed else 0
    finally:
        server.terminate()
        server.wait()
        subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    sys.exit(main())
