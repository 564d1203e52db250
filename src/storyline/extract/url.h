#pragma once
// URL pieces the extractors need: the host, and the publisher's registered domain
// (public-suffix aware, via libpsl: "gandhara.rferl.org" -> "rferl.org", "bbc.co.uk" stays).
#include <optional>
#include <string>
#include <string_view>

namespace storyline::extract {

// Lower-cased host of an absolute http(s) URL, without port or credentials.
std::optional<std::string> url_host(std::string_view url);

std::optional<std::string> registered_domain(std::string_view url);

// Resolves `reference` (maybe relative) against `base`; returns `reference` when either is odd.
std::string resolve_url(std::string_view base, std::string_view reference);

}  // namespace storyline::extract
