#pragma once
// Storyline's own HTTP request and answer, as the routes see them: independent of the library
// that reads and writes the bytes (async_http_server.h), so that routes include no heavy header.
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace storyline::serve {

// Header names compare without case (RFC 9110 5.1).
struct CaseInsensitiveLess {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const;
};
using HeaderFields = std::multimap<std::string, std::string, CaseInsensitiveLess>;

struct Request {
  std::string method;                             // "GET", "POST", ...
  std::string target;                             // as asked: "/api/stories?limit=50"
  std::string path;                               // the target's path, percent-decoded: "/api/stories"
  std::multimap<std::string, std::string> query;  // the target's parameters, decoded ('+' is a space)
  HeaderFields headers;
  std::string body;  // in full, decompressed (Content-Encoding undone)
  std::string remote_ip;
  // The route pattern's match: [0] the whole path, [1]... its groups (router.h).
  std::vector<std::string> matches;

  bool has_header(std::string_view name) const { return headers.find(name) != headers.end(); }
  // The first value of a header; "" when absent.
  std::string header(std::string_view name) const;
  // Every value of a header, as received (views into the request).
  std::vector<std::string_view> header_values(std::string_view name) const;
  bool has_query(const std::string& name) const { return query.contains(name); }
  // The first value of a query parameter; "" when absent.
  std::string query_value(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type and framing
  std::string content_type;
  // Shared: a cached answer is written from the cache's string, not a copy of it.
  std::shared_ptr<const std::string> body;

  // Replaces any value the header had.
  void set_header(std::string_view name, std::string value);
  std::string header(std::string_view name) const;  // "" when absent
  void set_content(std::string content, std::string_view type);
  void set_shared_content(std::shared_ptr<const std::string> content, std::string_view type);
  size_t body_size() const { return body ? body->size() : 0; }
};

// "%41b+c" -> "Ab c" when `plus_is_space` (query parameters), "Ab+c" otherwise (paths).
// A '%' not followed by two hex digits stays as it is.
std::string percent_decoded(std::string_view text, bool plus_is_space);
// Fills the request's path and query from its target.
void split_target(Request& request);

}  // namespace storyline::serve
