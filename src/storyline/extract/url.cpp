#include "storyline/extract/url.h"

#include <libxml/uri.h>

namespace storyline::extract {

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

}  // namespace storyline::extract
