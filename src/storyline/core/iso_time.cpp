#include "storyline/core/iso_time.h"

#include <cctype>
#include <charconv>
#include <chrono>
#include <ctime>

#include "storyline/core/iso_day.h"

namespace storyline {

std::string iso_utc(int64_t unix_seconds) {
  const std::time_t time = static_cast<std::time_t>(unix_seconds);
  std::tm parts{};
  gmtime_r(&time, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

namespace {

// Reads exactly `count` digits at `pos`.
bool read_digits(std::string_view text, size_t& pos, size_t count, int& value) {
  if (pos + count > text.size()) return false;
  value = 0;
  for (size_t i = 0; i < count; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  pos += count;
  return true;
}

}  // namespace

std::optional<int64_t> parse_iso_unix(std::string_view iso8601) {
  size_t pos = 0;
  int year = 0, month = 0, day = 0;
  if (!read_digits(iso8601, pos, 4, year) || pos >= iso8601.size() || iso8601[pos++] != '-' ||
      !read_digits(iso8601, pos, 2, month) || pos >= iso8601.size() || iso8601[pos++] != '-' ||
      !read_digits(iso8601, pos, 2, day))
    return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                                         std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok()) return std::nullopt;
  int64_t seconds = days_from_civil(year, month, day) * 86400;
  if (pos == iso8601.size()) return seconds;
  if (iso8601[pos] != 'T' && iso8601[pos] != 't' && iso8601[pos] != ' ') return std::nullopt;
  ++pos;
  int hour = 0, minute = 0, second = 0;
  if (!read_digits(iso8601, pos, 2, hour) || pos >= iso8601.size() || iso8601[pos++] != ':' ||
      !read_digits(iso8601, pos, 2, minute))
    return std::nullopt;
  if (pos < iso8601.size() && iso8601[pos] == ':') {
    ++pos;
    if (!read_digits(iso8601, pos, 2, second)) return std::nullopt;
    if (pos < iso8601.size() && (iso8601[pos] == '.' || iso8601[pos] == ',')) {
      ++pos;
      while (pos < iso8601.size() && std::isdigit(static_cast<unsigned char>(iso8601[pos]))) ++pos;
    }
  }
  if (hour > 24 || minute > 59 || second > 60) return std::nullopt;
  seconds += hour * 3600 + minute * 60 + second;
  if (pos == iso8601.size()) return seconds;
  const char zone = iso8601[pos++];
  if (zone == 'Z' || zone == 'z') return pos == iso8601.size() ? std::optional<int64_t>(seconds) : std::nullopt;
  if (zone != '+' && zone != '-') return std::nullopt;
  int offset_hours = 0, offset_minutes = 0;
  if (!read_digits(iso8601, pos, 2, offset_hours)) return std::nullopt;
  if (pos < iso8601.size() && iso8601[pos] == ':') ++pos;
  if (pos < iso8601.size() && !read_digits(iso8601, pos, 2, offset_minutes)) return std::nullopt;
  if (pos != iso8601.size() || offset_hours > 14 || offset_minutes > 59) return std::nullopt;
  const int64_t offset = offset_hours * 3600 + offset_minutes * 60;
  // Local time = UTC + offset, so UTC = local - offset.
  return zone == '+' ? seconds - offset : seconds + offset;
}

std::optional<int64_t> parse_time_or_unix(std::string_view text) {
  if (auto iso = parse_iso_unix(text)) return iso;
  int64_t seconds = 0;
  const char* first = text.data() + (text.starts_with('+') ? 1 : 0);
  const char* last = text.data() + text.size();
  const auto [end, error] = std::from_chars(first, last, seconds);
  if (first == last || error != std::errc() || end != last) return std::nullopt;
  return seconds;
}

}  // namespace storyline
