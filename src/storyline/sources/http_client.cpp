#include "storyline/sources/http_client.h"

#include <curl/curl.h>

#include <cctype>
#include <mutex>
#include <stdexcept>
#include <string_view>

#include "storyline/core/ascii.h"

namespace storyline::sources {
namespace {

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

bool header_is(std::string_view line, std::string_view name) {
  if (line.size() <= name.size() || line[name.size()] != ':') return false;
  for (size_t i = 0; i < name.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(line[i])) != std::tolower(static_cast<unsigned char>(name[i]))) return false;
  return true;
}

struct Exchange {
  HttpResponse response;
  size_t max_body_bytes = 0;
  const std::atomic<bool>* cancel = nullptr;
};

// libcurl calls this about once a second even when no data moves: where a shutdown is noticed.
int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto& exchange = *static_cast<Exchange*>(user);
  return exchange.cancel && exchange.cancel->load() ? 1 : 0;
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto& exchange = *static_cast<Exchange*>(user);
  const size_t bytes = size * count;
  if (exchange.response.body.size() + bytes > exchange.max_body_bytes) {
    exchange.response.too_large = true;
    return 0;  // aborts the transfer (CURLE_WRITE_ERROR)
  }
  exchange.response.body.append(data, bytes);
  return bytes;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto& response = static_cast<Exchange*>(user)->response;
  const std::string_view line(data, size * count);
  // A new status line starts a new answer's headers (after a 100 Continue, say).
  if (line.starts_with("HTTP/")) {
    response.etag.reset();
    response.last_modified.reset();
  } else if (header_is(line, "ETag")) {
    response.etag = trimmed(line.substr(5));
  } else if (header_is(line, "Last-Modified")) {
    response.last_modified = trimmed(line.substr(14));
  }
  return size * count;
}

}  // namespace

struct HttpClient::Impl {
  HttpClientOptions options;
  CURL* handle = nullptr;
};

HttpClient::HttpClient(HttpClientOptions options) : impl_(std::make_unique<Impl>()) {
  init_curl_once();
  impl_->options = std::move(options);
  impl_->handle = curl_easy_init();
  if (!impl_->handle) throw std::runtime_error("cannot start libcurl");
}

HttpClient::~HttpClient() {
  if (impl_->handle) curl_easy_cleanup(impl_->handle);
}

HttpResponse HttpClient::get(const HttpRequest& request) {
  CURL* curl = impl_->handle;
  const HttpClientOptions& options = impl_->options;
  // Reuses the handle (and its open connections) but none of the last request's settings.
  curl_easy_reset(curl);
  Exchange exchange;
  exchange.max_body_bytes = options.max_body_bytes;
  exchange.cancel = options.cancel;
  if (options.cancel && options.cancel->load()) {
    exchange.response.cancelled = true;
    exchange.response.error = "cancelled";
    return exchange.response;
  }
  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM: safe in threads
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, options.connect_timeout_ms);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, options.total_timeout_ms);
  curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_body_bytes));
  curl_easy_setopt(curl, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // whatever this libcurl can decode
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &exchange);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &exchange);
  if (options.cancel) {
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &exchange);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  }
  curl_slist* headers =
      curl_slist_append(nullptr,
                        "Accept: application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, "
                        "text/html;q=0.8, */*;q=0.5");
  if (request.if_none_match) headers = curl_slist_append(headers, ("If-None-Match: " + *request.if_none_match).c_str());
  if (request.if_modified_since)
    headers = curl_slist_append(headers, ("If-Modified-Since: " + *request.if_modified_since).c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);

  const CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  HttpResponse& response = exchange.response;
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  response.status = static_cast<int>(status);
  if (code == CURLE_OK) {
    if (status >= 300 && status < 400) {
      char* location = nullptr;
      if (curl_easy_getinfo(curl, CURLINFO_REDIRECT_URL, &location) == CURLE_OK && location) response.location = location;
    }
    return response;
  }
  response.timed_out = code == CURLE_OPERATION_TIMEDOUT;
  if (code == CURLE_ABORTED_BY_CALLBACK) {
    response.cancelled = true;
    response.error = "cancelled";
  } else if (response.too_large || code == CURLE_FILESIZE_EXCEEDED) {
    response.too_large = true;
    response.error = "the answer is over the " + std::to_string(options.max_body_bytes) + "-byte limit";
  } else if (response.timed_out) {
    response.error = "timed out (" + std::to_string(options.connect_timeout_ms) + " ms to connect, " +
                     std::to_string(options.total_timeout_ms) + " ms in all)";
  } else {
    response.error = curl_easy_strerror(code);
  }
  response.body.clear();  // a partial body is no body
  return response;
}

}  // namespace storyline::sources
