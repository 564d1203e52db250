#include "storyline/sources/source_url.h"

#include <curl/curl.h>

#include <memory>

#include "storyline/core/ascii.h"

namespace storyline::sources {
namespace {

struct UrlHandleFree {
  void operator()(CURLU* handle) const { curl_url_cleanup(handle); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlHandleFree>;

// Parsed by libcurl, the same parser that will fetch it; nullptr unless absolute http(s).
UrlHandle parse(std::string_view url) {
  UrlHandle handle(curl_url());
  if (!handle) return nullptr;
  const std::string text(url);
  if (curl_url_set(handle.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK) return nullptr;
  char* scheme = nullptr;
  if (curl_url_get(handle.get(), CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK) return nullptr;
  const std::string name = scheme;
  curl_free(scheme);
  if (name != "http" && name != "https") return nullptr;
  return handle;
}

std::optional<std::string> part(CURLU* handle, CURLUPart which, unsigned flags = 0) {
  char* value = nullptr;
  if (curl_url_get(handle, which, &value, flags) != CURLUE_OK || !value) return std::nullopt;
  std::string text = value;
  curl_free(value);
  return text;
}

}  // namespace

std::optional<std::string> normalized_http_url(std::string_view url) {
  url = trim(url, " \t\n\r");
  if (url.empty() || url.find_first_of(" \t\r\n") != std::string_view::npos) return std::nullopt;
  const UrlHandle handle = parse(url);
  if (!handle) return std::nullopt;
  const auto host = part(handle.get(), CURLUPART_HOST);
  if (!host || host->empty()) return std::nullopt;
  // Host names are case-insensitive; one spelling keeps one source per feed.
  const std::string lower_host = lower_ascii(*host);
  curl_url_set(handle.get(), CURLUPART_HOST, lower_host.c_str(), 0);
  // Drops the fragment: it never reaches the server, and two URLs differing only there are one feed.
  curl_url_set(handle.get(), CURLUPART_FRAGMENT, nullptr, 0);
  return part(handle.get(), CURLUPART_URL);
}

std::string url_origin(std::string_view url) {
  const UrlHandle handle = parse(url);
  if (!handle) return {};
  const auto scheme = part(handle.get(), CURLUPART_SCHEME);
  const auto host = part(handle.get(), CURLUPART_HOST);
  if (!scheme || !host) return {};
  std::string origin = *scheme + "://" + *host;
  if (const auto port = part(handle.get(), CURLUPART_PORT)) origin += ":" + *port;
  return origin;
}

std::string url_host_name(std::string_view url) {
  const UrlHandle handle = parse(url);
  if (!handle) return {};
  return lower_ascii(part(handle.get(), CURLUPART_HOST).value_or(""));
}

std::string url_path_and_query(std::string_view url) {
  const UrlHandle handle = parse(url);
  if (!handle) return "/";
  const auto raw_path = part(handle.get(), CURLUPART_PATH);
  std::string path = raw_path && !raw_path->empty() ? *raw_path : std::string(1, '/');
  if (const auto query = part(handle.get(), CURLUPART_QUERY)) path += "?" + *query;
  return path;
}

}  // namespace storyline::sources
