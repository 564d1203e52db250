#pragma once
// One HTTP GET at a time over libcurl (kept out of this header: pimpl). Redirects are not
// followed here: the caller follows them, so that every hop is checked against robots.txt and
// paced like any other request.
#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

namespace storyline::sources {

struct HttpClientOptions {
  long connect_timeout_ms = 10'000;
  long total_timeout_ms = 30'000;            // the whole exchange, body included
  size_t max_body_bytes = size_t{16} << 20;  // no feed or article page is near this; bigger is refused
  std::string user_agent = "Storyline/" STORYLINE_VERSION " (self-hosted news reader; feed poller)";
  // When set and true, a transfer in progress is abandoned within a second (shutting down).
  const std::atomic<bool>* cancel = nullptr;
};

struct HttpRequest {
  std::string url;
  std::optional<std::string> if_none_match;      // the ETag of the copy we have
  std::optional<std::string> if_modified_since;  // its Last-Modified
};

struct HttpResponse {
  int status = 0;  // 0: no HTTP answer (see error)
  std::string body;
  std::optional<std::string> etag;
  std::optional<std::string> last_modified;
  std::optional<std::string> location;  // absolute, for 3xx answers
  std::string error;                    // what went wrong, when something did
  bool timed_out = false;
  bool too_large = false;
  bool cancelled = false;
  bool ok() const { return status >= 200 && status < 300 && error.empty(); }
};

class HttpClient {
 public:
  explicit HttpClient(HttpClientOptions options = {});
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Never throws for network trouble: it is reported in the response.
  HttpResponse get(const HttpRequest& request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyline::sources
