#pragma once
// Unix times and the ISO 8601 text Storyline stores and shows ("2021-10-09T09:07:00Z").
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace storyline {

std::string iso_utc(int64_t unix_seconds);

// "2021-10-09T09:07:00Z", "2021-10-09T09:07", "2021-10-09 09:07:00+02:00", "...-0500",
// fractions of seconds, or "2021-10-09" (midnight UTC) as Unix seconds. A time without a zone is
// read as UTC. nullopt for anything else (an impossible date included).
std::optional<int64_t> parse_iso_unix(std::string_view iso8601);

// A time as the API and commands take it (INTERFACE.md's `since`): ISO 8601 as parse_iso_unix
// reads it, or Unix seconds (digits, optionally signed). nullopt when it is neither.
std::optional<int64_t> parse_time_or_unix(std::string_view text);

}  // namespace storyline
