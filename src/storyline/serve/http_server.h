#pragma once
// The HTTP API of INTERFACE.md and the web page, over the embedded store. Built on cpp-httplib
// (Debian's libcpp-httplib): keep-alive, a thread pool, request size limits and timeouts.
#include <cstdint>
#include <memory>
#include <string>

#include "storyline/sources/feed_poller.h"

namespace storyline::serve {

struct ServerOptions {
  std::string db = "storyline.db";
  std::string host = "127.0.0.1";  // loopback unless the user asks otherwise
  int port = 8080;
  size_t max_body_bytes = size_t{16} << 20;
  int read_timeout_seconds = 10;
  int write_timeout_seconds = 10;
  int purge_interval_seconds = 5;  // how often expired (time-to-live) articles are removed
  // A worker serves one keep-alive connection at a time, so there must be as many as the
  // connections expected at once (each mostly waits; each has its own read connection).
  size_t worker_threads = 96;
  // Live sources: poll the store's sources in the background (`serve --poll`). Off by default:
  // a server only polls when asked to reach out to the network.
  bool poll_sources = false;
  sources::PollerOptions poller;
  // When set, every write (POST, PUT, DELETE) needs `Authorization: Bearer <token>` (write_guard.h).
  std::string write_token;
  // When set, the page's files are read from this folder at every request instead of the ones
  // built in (web_files.h): for working on the page.
  std::string web_root;
  // Show the images publishers' pages name, loaded from their sites. Off by default: the page
  // then loads nothing from elsewhere (it works offline, and tells no publisher who reads what).
  bool publisher_images = false;
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
  void stop();
  bool is_running() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyline::serve
