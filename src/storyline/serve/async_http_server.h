#pragma once
// The HTTP/1.1 server under Storyline's routes: Boost.Beast on Asio (Debian's libboost-dev 1.74,
// header-only). Chosen over cpp-httplib (one thread per connection: ~100 slowloris clients or
// 1,000 idle connections took every thread) because it is event-driven (a connection that waits
// costs a socket and a small buffer, no thread), well kept (Boost, reviewed and widely used), in
// Debian, and leaves every deadline and bound to us. This header names no Beast or Asio type, so
// only the server's own .cpp files include them.
//
// What it holds each connection to (issue 16):
//   - a wait for a request's first byte of at most `keep_alive` (also a fresh connection's);
//   - the request line and headers within `header_deadline` of that byte, and within
//     `max_header_bytes` (else 408 or 431);
//   - the whole request, body included, within `request_deadline` of that byte (else 408);
//   - the body within `max_body_bytes` as sent and once decompressed, whatever its framing
//     (Content-Length, chunked; gzip, deflate, br: request_body.h): 413 at the limit; and all
//     bodies being read within `max_bodies_in_flight_bytes` together: 503 past it;
//   - framing that contradicts itself (two lengths, a length and chunked): 400 (request_framing.h);
//   - the answer written within `write_deadline` of its first byte, or the connection is dropped.
// A request cut by a limit is answered and its connection closed. Connections over
// `max_connections` in all, or over `max_connections_per_client` from one address, are answered
// 503 (with Retry-After) and closed at once: an answer says why, where a silent close would be
// retried at once by most clients.
//
// Threads: `io_threads` run every connection's reading and writing; route handlers, which may
// wait on the store, run on `worker_threads` of their own, so a slow handler never stalls the
// reading of other connections (and at most that many handlers wait on the store at once).
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "storyline/serve/http_message.h"

namespace storyline::serve {

struct ConnectionLimits {
  std::chrono::milliseconds keep_alive{5'000};
  std::chrono::milliseconds header_deadline{10'000};
  std::chrono::milliseconds request_deadline{60'000};
  std::chrono::milliseconds write_deadline{60'000};
  size_t max_header_bytes = size_t{32} << 10;
  size_t max_body_bytes = size_t{16} << 20;
  // The memory all bodies being read may take together (request_body.h: BodyBudget); a body
  // that would pass it is answered 503 with Retry-After.
  size_t max_bodies_in_flight_bytes = size_t{32} << 20;
  size_t max_connections = 10'000;
  size_t max_connections_per_client = 1'000;
  // How long stop() lets requests already being read or answered finish before it closes them.
  std::chrono::milliseconds shutdown_grace{10'000};
  size_t io_threads = 2;
  size_t worker_threads = 16;
};

// What the server asks of the application, for each request.
struct RequestHooks {
  // Once the request line and headers are read, before the body: an answer refuses the request
  // (its body unread, its connection closed after the answer); nullopt reads on.
  std::function<std::optional<Response>(const Request&)> screen;
  // Whether `handle` answers this request at once (no waiting on the store), on the I/O thread.
  std::function<bool(Request&)> answers_at_once;
  // The answer to a whole request (body read); on a worker thread unless answers_at_once.
  std::function<Response(Request&)> handle;
  // Every answered request, with the time from its first byte to its answer being ready.
  std::function<void(const Request&, const Response&, std::chrono::steady_clock::duration)> observe;
};

class AsyncHttpServer {
 public:
  AsyncHttpServer(ConnectionLimits limits, RequestHooks hooks);
  ~AsyncHttpServer();
  AsyncHttpServer(const AsyncHttpServer&) = delete;
  AsyncHttpServer& operator=(const AsyncHttpServer&) = delete;

  // Binds host:port (0: a free port) with SO_REUSEADDR only: a port another server listens on is
  // refused (no SO_REUSEPORT). The bound port, or -1 when it cannot be bound.
  int bind(const std::string& host, int port);
  // Serves until stop(): returns once every connection is closed. False when not bound.
  bool run();
  // Stops accepting, closes idle connections, lets requests in flight finish (within
  // shutdown_grace), then makes run() return. From any thread (not from a signal handler).
  void stop();
  bool is_running() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyline::serve
