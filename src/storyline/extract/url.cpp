#include "storyline/extract/url.h"

#include <libpsl.h>
#include <libxml/uri.h>

#include <algorithm>
#include <cctype>

namespace storyline::extract {

std::optional<std::string> url_host(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::nullopt;
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const size_t at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  if (!rest.starts_with('[')) rest = rest.substr(0, rest.find(':'));
  if (rest.empty()) return std::nullopt;
  std::string host(rest);
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  while (!host.empty() && host.back() == '.') host.pop_back();
  return host;
}

std::optional<std::string> registered_domain(std::string_view url) {
  const auto host = url_host(url);
  if (!host) return std::nullopt;
  // psl_builtin() is the list compiled into libpsl: no file or network access.
  static const psl_ctx_t* const kPsl = psl_builtin();
  if (kPsl) {
    if (const char* domain = psl_registrable_domain(kPsl, host->c_str())) return std::string(domain);
  }
  // No list (or an IP / single-label host): the host itself minus a leading "www.".
  if (host->starts_with("www.")) return host->substr(4);
  return host;
}

std::string resolve_url(std::string_view base, std::string_view reference) {
  if (base.empty() || reference.empty()) return std::string(reference);
  const std::string base_string(base);
  const std::string reference_string(reference);
  xmlChar* resolved = xmlBuildURI(reinterpret_cast<const xmlChar*>(reference_string.c_str()),
                                  reinterpret_cast<const xmlChar*>(base_string.c_str()));
  if (!resolved) return reference_string;
  std::string result(reinterpret_cast<const char*>(resolved));
  xmlFree(resolved);
  return result;
}

}  // namespace storyline::extract
