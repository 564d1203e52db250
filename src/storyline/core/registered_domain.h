#pragma once
// Hosts and registered domains: the one place that reads a URL's host and asks the Public Suffix
// List (libpsl's built-in copy: no file or network access) where a publisher's domain begins.
#include <optional>
#include <string>
#include <string_view>

namespace storyline {

// Lower-cased host of an absolute URL ("https://user@WWW.BBC.co.uk:443/x" -> "www.bbc.co.uk"),
// without port, credentials or a trailing dot; nullopt when the URL has no "scheme://host".
std::optional<std::string> url_host(std::string_view url);

// The registered domain (eTLD+1) of a host: "www.bbc.co.uk" and "news.bbc.co.uk" -> "bbc.co.uk",
// "edition.cnn.com" -> "cnn.com", "gandhara.rferl.org" -> "rferl.org". Case and a trailing dot
// do not matter. A host the list cannot place (an IP address, "localhost", a bare public suffix)
// is kept as it is, minus a leading "www.". "" for an empty host.
std::string registered_domain_of_host(std::string_view host);

}  // namespace storyline
