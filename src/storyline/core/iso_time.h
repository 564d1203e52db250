#pragma once
// Unix times as the ISO 8601 UTC text Storyline stores and shows ("2021-10-09T09:07:00Z").
#include <cstdint>
#include <string>

namespace storyline {

std::string iso_utc(int64_t unix_seconds);

}  // namespace storyline
