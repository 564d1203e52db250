#pragma once
// The HTTP API of INTERFACE.md and the web page, over the embedded store: the routes
// (routes.h) on an event-driven server (async_http_server.h: Boost.Beast on Asio) that holds
// each request to deadlines and size limits, and each client to a number of connections.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "storyline/sources/feed_poller.h"

namespace storyline::serve {

struct ServerOptions {
  std::string db = "storyline.db";
  std::string host = "127.0.0.1";  // loopback unless the user asks otherwise
  int port = 8080;
  // Limits on each request (async_http_server.h, request_body.h; issue 16). The body, counted as
  // the route reads it (after chunks are joined and gzip, deflate or br undone) and as sent:
  // 16 MiB, far above any article page, below what a few at once cost in memory.
  size_t max_body_bytes = size_t{16} << 20;
  // The memory all bodies being read may take at once (never less than one body): room for one
  // full-size body and many ordinary ones; past it a body is answered 503 with Retry-After.
  size_t max_bodies_in_flight_bytes = size_t{32} << 20;
  // The request line and headers: 32 KiB (nginx's default, 4 buffers of 8 KiB).
  size_t max_header_bytes = size_t{32} << 10;
  // Unused since the event-driven server (no read or write waits on its own: the deadlines below
  // bound them all); kept so that callers that set them still build.
  int read_timeout_seconds = 10;
  int write_timeout_seconds = 10;
  // Counted from a request's first byte: its line and headers within 10 s (any client sends them
  // in one packet; 10 s leaves room for retransmissions on a bad link), all of it with its body
  // within 60 s (a full 16 MiB body at 2.2 Mbit/s). A client that sends a byte at a time is cut
  // off then, whatever the read timeout.
  int header_deadline_seconds = 10;
  int request_deadline_seconds = 60;
  // An answer is written within 60 s of its first byte (the largest lists, a few MB, at ~1 Mbit/s).
  int write_deadline_seconds = 60;
  // The wait for a connection's next request (or a fresh one's first): then it is closed
  // (`serve --keep-alive-seconds`; the load test raises it to hold idle connections open).
  int keep_alive_seconds = 5;
  int purge_interval_seconds = 5;  // how often expired (time-to-live) articles are removed
  // The threads that run route handlers, which may wait on the store (each has its own read
  // connection): at most this many requests are handled at once, the others wait their turn.
  // Connections themselves take no thread: reading and writing them is `io_threads`' work.
  size_t worker_threads = 16;
  // The threads that read and write every connection; 0: one per hardware thread.
  size_t io_threads = 0;
  // Connections held at once, in all and from one client address (a reverse proxy in front is
  // one address: raise it then). One over either cap is answered 503 with Retry-After and closed.
  size_t max_connections = 10'000;
  size_t max_connections_per_client = 256;
  // On SIGTERM or SIGINT (stop()): requests in flight get this long to finish before their
  // connections are closed.
  int shutdown_grace_seconds = 10;
  // Live sources: poll the store's sources in the background (`serve --poll`). Off by default:
  // a server only polls when asked to reach out to the network.
  bool poll_sources = false;
  sources::PollerOptions poller;
  // When set, every write (POST, PUT, DELETE) needs `Authorization: Bearer <token>` (write_guard.h).
  std::string write_token;
  // Names the Host header may give besides loopback names (`--allow-host`; write_guard.h).
  std::vector<std::string> allowed_hosts;
  // When set, the page's files are read from this folder at every request instead of the ones
  // built in (web_files.h): for working on the page.
  std::string web_root;
  // Show the images publishers' pages name, loaded from their sites. Off by default: the page
  // then loads nothing from elsewhere (it works offline, and tells no publisher who reads what).
  bool publisher_images = false;
  // Writes through NATS JetStream (`--queue nats://...`, issue 17): POST /api/articles is answered
  // 201 once the stream has stored its documents, and `storyline worker cluster` stores them.
  // Empty: the server writes to the store itself.
  std::string queue;
  int queue_replicas = 0;  // the stream's, when this server makes it (queue::StreamSettings)
  // With a queue: contest PUTs are queued unread, for `worker extract` (which names a page that
  // cannot be read on its log; the client got its 201 already).
  bool extract_in_workers = false;
};

class HttpServer {
 public:
  // Opens (or creates) the store; throws std::runtime_error naming the file when it cannot, or
  // naming the web file that web_root lacks (before the store is touched).
  explicit HttpServer(ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and serves until stop(); returns false when the address cannot be bound.
  bool listen();
  // Binds to the options' host and port (false when taken or not this machine's), for
  // listen_after_bind(): a caller can say it serves only once it does.
  bool bind();
  // Binds to a free port on the host; returns it (for tests), or -1.
  int bind_any_port();
  bool listen_after_bind();
  // Stops accepting and closes idle connections; requests in flight finish (within
  // shutdown_grace_seconds), then listen() returns. From any thread, not from a signal handler.
  void stop();
  bool is_running() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyline::serve
