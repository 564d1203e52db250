#pragma once
// cpp-httplib's server with limits on each request's time and size (issue 16).
//
// Debian's cpp-httplib (0.11.4) times each read out on its own (set_read_timeout): a client that
// sends a header or body byte a second never trips it and holds a worker thread for as long as
// it likes (slowloris), and its header lines, header count and chunked bodies are not bounded. Its
// settings cannot say "the whole request within N seconds", so this server keeps the library's
// parsing, routing and thread pool and replaces only its per-connection loop (the one place the
// library lets a subclass in, as its own SSLServer does): the loop reads through a stream that
// holds each request to
//   - a deadline for the request line and headers, counted from the request's first byte;
//   - a deadline for the whole request (headers and body), from the same instant;
//   - a deadline for writing the answer, from its first byte;
//   - a bound on the bytes of the request line and headers, and on the body's bytes as sent
//     (chunk framing and compression included: a bound for every route, even one that only
//     skips a body);
// and waits between requests of a keep-alive connection only while no other connection waits for
// a worker (an idle connection gives way).
//
// A request cut by a deadline or a bound gets its answer (408, 413, 431, when the connection can
// still take one) and its connection is closed.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstddef>

namespace storyline::serve {

struct ConnectionLimits {
  std::chrono::milliseconds idle_read{10'000};   // one read waits at most this long for a byte
  std::chrono::milliseconds idle_write{10'000};  // one write waits at most this long for room
  std::chrono::milliseconds header_deadline{10'000};
  std::chrono::milliseconds request_deadline{60'000};
  std::chrono::milliseconds write_deadline{60'000};
  std::chrono::milliseconds keep_alive{5'000};  // the wait for a connection's next request
  size_t keep_alive_max_requests = 100'000;
  size_t max_header_bytes = 32 << 10;
  size_t max_body_wire_bytes = size_t{32} << 20;
};

// Why the request being served stopped being read (none while it is read in full).
enum class RequestCut { none, header_deadline, request_deadline, headers_too_large, body_too_large };

class LimitedServer : public httplib::Server {
 public:
  LimitedServer(ConnectionLimits limits, size_t worker_threads);

  const ConnectionLimits& limits() const { return limits_; }

  // Called by handlers, on the worker thread serving the request (no-ops elsewhere):
  // the request line and headers are read: the body's deadline and bound apply from here.
  static void headers_read();
  // The connection is closed once this request is answered (its body was left unread, or its
  // framing cannot be trusted).
  static void close_after_response();
  // Why this request's reading was cut, if it was.
  static RequestCut cut();

 private:
  bool process_and_close_socket(socket_t sock) override;

  ConnectionLimits limits_;
  // Accepted connections that wait for a worker: while there are any, idle keep-alive
  // connections are closed rather than waited on.
  std::atomic<size_t> waiting_{0};
};

}  // namespace storyline::serve
