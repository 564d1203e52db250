#pragma once
// Feed and page URLs as the poller needs them: checked and normalized (absolute http or https
// only), their origin (what robots.txt and politeness are kept per), and the part robots.txt
// rules match.
#include <optional>
#include <string>
#include <string_view>

namespace storyline::sources {

// The URL normalized ("HTTP://Example.COM" -> "http://example.com/"), or nullopt when it is not
// an absolute http(s) URL with a host.
std::optional<std::string> normalized_http_url(std::string_view url);

// "http://example.com:8080" for "http://example.com:8080/feed?x=1"; "" when not a URL.
std::string url_origin(std::string_view url);

// "example.com" for "http://Example.com:8080/feed": what politeness is kept per (one server,
// whatever the scheme or port); "" when not a URL.
std::string url_host_name(std::string_view url);

// "/feed?x=1" for "http://example.com:8080/feed?x=1".
std::string url_path_and_query(std::string_view url);

}  // namespace storyline::sources
