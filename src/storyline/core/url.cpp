#include "storyline/core/url.h"

#include <libpsl.h>
#include <libxml/uri.h>

#include "storyline/core/ascii.h"

namespace storyline {

std::optional<std::string> url_host(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::nullopt;
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const size_t at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  if (!rest.starts_with('[')) rest = rest.substr(0, rest.find(':'));
  if (rest.empty()) return std::nullopt;
  std::string host = lower_ascii(rest);
  while (!host.empty() && host.back() == '.') host.pop_back();
  return host;
}

std::string url_host_without_www(std::string_view url) {
  std::string host = url_host(url).value_or("");
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

std::string registered_domain_of_host(std::string_view host_text) {
  std::string host = lower_ascii(host_text);
  while (!host.empty() && host.back() == '.') host.pop_back();
  if (host.empty()) return host;
  // An IP address has no registered domain (libpsl would cut "127.0.0.1" to "0.1").
  const bool ip = host.starts_with('[') || host.find(':') != std::string::npos ||
                  host.find_first_not_of("0123456789.") == std::string::npos;
  if (ip) return host;
  // psl_builtin() is the list compiled into libpsl: no file or network access.
  static const psl_ctx_t* const kPsl = psl_builtin();
  if (kPsl) {
    if (const char* domain = psl_registrable_domain(kPsl, host.c_str())) return std::string(domain);
  }
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

std::optional<std::string> registered_domain(std::string_view url) {
  const auto host = url_host(url);
  if (!host) return std::nullopt;
  return registered_domain_of_host(*host);
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

}  // namespace storyline
