#include "storyline/core/timestamp.h"

#include "storyline/core/iso_time.h"

namespace storyline {

std::optional<Timestamp> Timestamp::parse(std::string_view iso8601) {
  const std::optional<int64_t> unix_seconds = parse_iso_unix(iso8601);
  if (!unix_seconds) return std::nullopt;
  return Timestamp(std::string(iso8601), *unix_seconds);
}

std::optional<Timestamp> Timestamp::parse(const std::optional<std::string>& iso8601) {
  return iso8601 ? parse(std::string_view(*iso8601)) : std::nullopt;
}

std::string Timestamp::utc() const { return iso_utc(unix_seconds_); }

}  // namespace storyline
