#pragma once
// ISO 8601 dates (`published`; a date alone allowed) as whole days since 1970-01-01: for the
// clusterer's time windows and for comparing days in extraction.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace storyline {

// nullopt when the value does not start with a valid YYYY-MM-DD.
std::optional<int32_t> published_day(std::string_view iso_8601);
std::string day_to_iso(int32_t day);  // YYYY-MM-DD

}  // namespace storyline
