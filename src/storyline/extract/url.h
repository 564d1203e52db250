#pragma once
// URL pieces the extractors need: the host, and the publisher's registered domain
// (public-suffix aware: "gandhara.rferl.org" -> "rferl.org", "bbc.co.uk" stays). Both are
// core/registered_domain.h's, the definition every stage shares.
#include <optional>
#include <string>
#include <string_view>

#include "storyline/core/registered_domain.h"

namespace storyline::extract {

using storyline::url_host;

// The registered domain of the URL's host; nullopt when the URL has no host.
std::optional<std::string> registered_domain(std::string_view url);

// Resolves `reference` (maybe relative) against `base`; returns `reference` when either is odd.
std::string resolve_url(std::string_view base, std::string_view reference);

}  // namespace storyline::extract
