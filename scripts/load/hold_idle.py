#!/usr/bin/env python3
"""Holds N keep-alive connections open and idle on a loopback server, for load-test.sh.

Each connection asks GET /healthz once (so that it is a keep-alive connection that has been used,
as a browser's is), then waits. They come from 127.0.0.2 and up, at most PER_ADDRESS each, as
other clients would: the server caps connections per client address. Prints "held N" once all
are open, then holds them until SIGTERM (or SIGINT), and prints how many the server had closed
meanwhile.

usage: scripts/load/hold_idle.py PORT N [PER_ADDRESS=250]
"""
import resource
import signal
import socket
import sys

REQUEST = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


def main():
    # Blocked, so that they wait for sigwait below instead of ending the holder before it reports.
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    port, count = int(sys.argv[1]), int(sys.argv[2])
    per_address = int(sys.argv[3]) if len(sys.argv) > 3 else 250
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < count + 64:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, count + 64), hard))
    socks, refused = [], 0
    for i in range(count):
        try:
            sock = socket.create_connection(("127.0.0.1", port), timeout=10,
                                            source_address=(f"127.0.0.{2 + i // per_address}", 0))
            sock.sendall(REQUEST)
            socks.append(sock)
        except OSError as error:
            refused += 1
            if refused == 1:
                print(f"hold_idle: connection {i}: {error}", file=sys.stderr)
    answered = 0
    for sock in socks:
        try:
            answered += sock.recv(4096).startswith(b"HTTP/1.1 200")
        except OSError:
            pass
    print(f"held {len(socks)} ({answered} answered 200, {refused} not opened)", flush=True)
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    closed = 0
    for sock in socks:
        sock.setblocking(False)
        try:
            closed += sock.recv(1) == b""
        except BlockingIOError:
            pass
        except OSError:
            closed += 1
    print(f"hold_idle: {len(socks) - closed} of {len(socks)} still open at the end", flush=True)
    return 0 if refused == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
