#pragma once
// A local HTTP server for poller tests: on 127.0.0.1 and a free port, answering each path with
// what the test says, and remembering every request it got (path and headers).
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace storyline::testing {

struct SeenRequest {
  std::string path;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::chrono::steady_clock::time_point at{};  // when the server took it
};

class FeedServer {
 public:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

  FeedServer();
  ~FeedServer();

  // Answers GET `path` (exact) with the handler; unknown paths get 404.
  void on(const std::string& path, Handler handler);
  // Answers GET `path` with a fixed body.
  void serve(const std::string& path, std::string body, std::string content_type = "application/rss+xml");

  std::string url(const std::string& path) const;  // "http://127.0.0.1:PORT" + path
  int port() const { return port_; }
  std::vector<SeenRequest> requests() const;
  size_t count(const std::string& path) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int port_ = -1;
};

// A whole file's bytes (gzip inflated when it is gzip).
std::string read_test_file(const std::string& path);

}  // namespace storyline::testing
