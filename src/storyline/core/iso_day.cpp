#include "storyline/core/iso_day.h"

#include <chrono>
#include <cstdio>

namespace storyline {
namespace {

std::optional<int> digits(std::string_view text, size_t from, size_t count) {
  if (text.size() < from + count) return std::nullopt;
  int value = 0;
  for (size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::optional<int32_t> published_day(std::string_view iso_8601) {
  const auto year = digits(iso_8601, 0, 4), month = digits(iso_8601, 5, 2), day = digits(iso_8601, 8, 2);
  if (!year || !month || !day || iso_8601[4] != '-' || iso_8601[7] != '-') return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(*year), std::chrono::month(static_cast<unsigned>(*month)),
                                         std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok()) return std::nullopt;
  return static_cast<int32_t>(std::chrono::sys_days(date).time_since_epoch().count());
}

std::string day_to_iso(int32_t day) {
  const std::chrono::year_month_day date{std::chrono::sys_days(std::chrono::days(day))};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

}  // namespace storyline
