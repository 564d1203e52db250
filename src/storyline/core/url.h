#pragma once
// URLs, in one place: reading a URL's host, asking the Public Suffix List (libpsl's built-in copy:
// no file or network access) where a publisher's domain begins, and resolving relative references.
// (The live sources parse feed URLs with libcurl instead, as the fetcher that requests them does:
// sources/source_url.h.)
#include <optional>
#include <string>
#include <string_view>

namespace storyline {

// Lower-cased host of an absolute URL ("https://user@WWW.BBC.co.uk:443/x" -> "www.bbc.co.uk"),
// without port, credentials or a trailing dot; nullopt when the URL has no "scheme://host".
std::optional<std::string> url_host(std::string_view url);

// The host without a leading "www." ("https://www.bbc.com/news" -> "bbc.com"); "" when the URL has
// no host.
std::string url_host_without_www(std::string_view url);

// The registered domain (eTLD+1) of a host: "www.bbc.co.uk" and "news.bbc.co.uk" -> "bbc.co.uk",
// "edition.cnn.com" -> "cnn.com", "gandhara.rferl.org" -> "rferl.org". Case and a trailing dot
// do not matter. A host the list cannot place (an IP address, "localhost", a bare public suffix)
// is kept as it is, minus a leading "www.". "" for an empty host.
std::string registered_domain_of_host(std::string_view host);

// The registered domain of the URL's host; nullopt when the URL has no host.
std::optional<std::string> registered_domain(std::string_view url);

// Resolves `reference` (maybe relative) against `base` (RFC 3986, libxml2's xmlBuildURI); returns
// `reference` when either is empty or odd.
std::string resolve_url(std::string_view base, std::string_view reference);

}  // namespace storyline
