#include "storyline/core/publisher.h"

#include <cctype>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "storyline/core/ascii.h"
#include "storyline/core/url.h"

namespace storyline {
namespace {

bool known(const std::optional<std::string>& field) { return field && !trim(*field).empty(); }

// The registered domain a document is published under; "" when neither its URL nor its
// `domain` field names one. A `domain` field written as a URL or with a subdomain
// ("https://www.bbc.co.uk/", "edition.cnn.com") is read as the host it names.
std::string registered_domain_of(const Document& document) {
  if (document.url)
    if (const auto host = url_host(*document.url); host && !host->empty()) return registered_domain_of_host(*host);
  if (!known(document.domain)) return {};
  const std::string_view domain = trim(*document.domain);
  if (domain.find("://") != std::string_view::npos) return registered_domain_of_host(url_host(domain).value_or(""));
  std::string_view host = domain.substr(0, domain.find('/'));
  // "bbc.co.uk:443": the port is not part of the name (a bare IPv6 address has more than one colon).
  if (const size_t colon = host.rfind(':'); colon != std::string_view::npos && host.find(':') == colon)
    host = host.substr(0, colon);
  return registered_domain_of_host(host);
}

// "  BBC   News " and "bbc news" are one site: ASCII case and runs of spaces folded.
std::string folded_site_name(const std::string& name) {
  std::string folded;
  bool space = false;
  for (const char c : name) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !folded.empty();
      continue;
    }
    if (space) folded += ' ';
    space = false;
    folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return folded;
}

}  // namespace

Publisher publisher_of(const Document& document) {
  Publisher publisher;
  const std::string domain = registered_domain_of(document);
  if (!domain.empty()) publisher.key = domain;
  else if (known(document.site_name)) publisher.key = "site:" + folded_site_name(*document.site_name);
  else publisher.key = "id:" + document.id;
  publisher.name = known(document.site_name) ? trimmed(*document.site_name) : domain;
  return publisher;
}

std::string publisher_key(const Document& document) { return publisher_of(document).key; }

std::vector<Publisher> publishers_of(const std::vector<const Document*>& documents) {
  constexpr std::string_view kSitePrefix = "site:";
  std::vector<Publisher> publishers;
  publishers.reserve(documents.size());
  bool named_only = false;
  for (const Document* document : documents) {
    publishers.push_back(publisher_of(*document));
    named_only |= publishers.back().key.starts_with(kSitePrefix);
  }
  if (!named_only) return publishers;  // the common case: every document has a domain, or none has
  // Folded site name (or a domain written as one) -> the registered domain that carries it.
  std::unordered_map<std::string, std::string> domain_named;
  for (size_t i = 0; i < documents.size(); ++i) {
    const std::string& key = publishers[i].key;
    if (key.starts_with(kSitePrefix) || key.starts_with("id:")) continue;
    domain_named.emplace(key, key);
    if (known(documents[i]->site_name)) domain_named.emplace(folded_site_name(*documents[i]->site_name), key);
  }
  for (Publisher& publisher : publishers) {
    if (!publisher.key.starts_with(kSitePrefix)) continue;
    const auto domain = domain_named.find(publisher.key.substr(kSitePrefix.size()));
    if (domain != domain_named.end()) publisher.key = domain->second;
  }
  return publishers;
}

std::vector<Publisher> publishers_of(const std::vector<Document>& documents) {
  std::vector<const Document*> pointers;
  pointers.reserve(documents.size());
  for (const Document& document : documents) pointers.push_back(&document);
  return publishers_of(pointers);
}

}  // namespace storyline
