#include "storyline/ingest/feed_dates.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>

#include "storyline/core/iso_day.h"

namespace storyline::ingest {
namespace {

// A cursor over the date text with the few token readers both syntaxes need.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool done() const { return pos_ >= text_.size(); }
  char peek() const { return done() ? '\0' : text_[pos_]; }
  void skip_spaces() {
    while (!done() && (std::isspace(static_cast<unsigned char>(peek())) || peek() == ',')) ++pos_;
  }
  bool take(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  // Up to `max_digits` digits; the count read goes to `digits`.
  std::optional<int> number(int max_digits, int* digits = nullptr) {
    int value = 0;
    int count = 0;
    while (count < max_digits && std::isdigit(static_cast<unsigned char>(peek()))) {
      value = value * 10 + (peek() - '0');
      ++pos_;
      ++count;
    }
    if (digits) *digits = count;
    if (count == 0) return std::nullopt;
    return value;
  }
  std::string word() {
    std::string result;
    while (std::isalpha(static_cast<unsigned char>(peek()))) {
      result += static_cast<char>(std::tolower(static_cast<unsigned char>(peek())));
      ++pos_;
    }
    return result;
  }
  void skip_digits() {
    while (std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

struct DateTime {
  int year = 0, month = 0, day = 0;
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  int offset_minutes = 0;  // east of UTC
};

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

bool valid(const DateTime& date) {
  if (date.year < 1000 || date.year > 9999 || date.month < 1 || date.month > 12) return false;
  if (date.day < 1 || date.day > days_in_month(date.year, date.month)) return false;
  // 24:00 and leap seconds are legal in ISO 8601 and RFC 3339; 60 seconds is kept as 59.
  return date.hour <= 24 && date.minute <= 59 && date.second <= 60 && date.offset_minutes > -24 * 60 &&
         date.offset_minutes < 24 * 60;
}

std::string format_utc(const DateTime& date) {
  char buffer[32];
  if (!date.has_time) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
  }
  int64_t seconds = days_from_civil(date.year, date.month, date.day) * 86400 + date.hour * 3600 + date.minute * 60 +
                    std::min(date.second, 59) - int64_t{date.offset_minutes} * 60;
  const int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  seconds -= days * 86400;
  int year, month, day;
  civil_from_days(days, year, month, day);
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, static_cast<int>(seconds / 3600),
                static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60));
  return buffer;
}

std::optional<int> month_from_name(const std::string& name) {
  static constexpr std::array<const char*, 12> kMonths{"jan", "feb", "mar", "apr", "may", "jun",
                                                       "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return std::nullopt;
  for (size_t i = 0; i < kMonths.size(); ++i)
    if (name.compare(0, 3, kMonths[i]) == 0) return static_cast<int>(i) + 1;
  return std::nullopt;
}

// "+0100", "-05:00", "+01", "Z"; returns false on anything else.
bool read_numeric_offset(Scanner& scan, int& offset_minutes) {
  const char sign = scan.peek();
  if (sign != '+' && sign != '-') return false;
  scan.take(sign);
  int digits = 0;
  const auto hours = scan.number(2, &digits);
  if (!hours || digits != 2) return false;
  int minutes = 0;
  scan.take(':');
  if (auto value = scan.number(2, &digits)) {
    if (digits != 2) return false;
    minutes = *value;
  }
  offset_minutes = (*hours * 60 + minutes) * (sign == '-' ? -1 : 1);
  return true;
}

// RFC 822 zone names; military letters other than Z are ambiguous in practice and read as UTC.
std::optional<int> named_zone_offset(const std::string& zone) {
  static constexpr std::array<std::pair<const char*, int>, 12> kZones{{{"gmt", 0},
                                                                       {"ut", 0},
                                                                       {"utc", 0},
                                                                       {"z", 0},
                                                                       {"est", -5 * 60},
                                                                       {"edt", -4 * 60},
                                                                       {"cst", -6 * 60},
                                                                       {"cdt", -5 * 60},
                                                                       {"mst", -7 * 60},
                                                                       {"mdt", -6 * 60},
                                                                       {"pst", -8 * 60},
                                                                       {"pdt", -7 * 60}}};
  for (const auto& [name, offset] : kZones)
    if (zone == name) return offset;
  if (zone.size() == 1) return 0;
  return std::nullopt;
}

bool read_time(Scanner& scan, DateTime& date) {
  const auto hour = scan.number(2);
  if (!hour || !scan.take(':')) return false;
  const auto minute = scan.number(2);
  if (!minute) return false;
  date.has_time = true;
  date.hour = *hour;
  date.minute = *minute;
  if (scan.take(':')) {
    const auto second = scan.number(2);
    if (!second) return false;
    date.second = *second;
    if (scan.take('.') || scan.take(',')) scan.skip_digits();  // fractions of a second are dropped
  }
  return true;
}

// RFC 822 / 1123 with the usual slack: day name optional, full month names, 2-digit years,
// missing seconds, missing zone.
std::optional<DateTime> parse_rfc822(std::string_view text) {
  Scanner scan(text);
  DateTime date;
  scan.skip_spaces();
  if (std::isalpha(static_cast<unsigned char>(scan.peek()))) {
    scan.word();  // day name; its correctness is not checked (feeds get it wrong often)
    scan.take('.');
    scan.skip_spaces();
  }
  const auto day = scan.number(2);
  if (!day) return std::nullopt;
  date.day = *day;
  scan.skip_spaces();
  scan.take('-');
  const auto month = month_from_name(scan.word());
  if (!month) return std::nullopt;
  date.month = *month;
  scan.take('.');
  scan.skip_spaces();
  scan.take('-');
  int digits = 0;
  const auto year = scan.number(4, &digits);
  if (!year || (digits != 2 && digits != 4)) return std::nullopt;
  date.year = digits == 2 ? (*year < 50 ? 2000 + *year : 1900 + *year) : *year;
  scan.skip_spaces();
  if (scan.done()) return valid(date) ? std::optional(date) : std::nullopt;
  if (!read_time(scan, date)) return std::nullopt;
  scan.skip_spaces();
  if (!read_numeric_offset(scan, date.offset_minutes)) {
    const std::string zone = scan.word();
    if (!zone.empty()) {
      const auto offset = named_zone_offset(zone);
      if (!offset) return std::nullopt;
      date.offset_minutes = *offset;
      scan.skip_spaces();
      read_numeric_offset(scan, date.offset_minutes);  // "GMT+0200"
    }
  }
  return valid(date) ? std::optional(date) : std::nullopt;
}

// ISO 8601 / RFC 3339: YYYY-MM-DD, then optionally T or space, hh:mm[:ss[.fff]], then Z or an
// offset. Basic format (20210225T101500Z) is accepted too.
std::optional<DateTime> parse_iso8601(std::string_view text) {
  Scanner scan(text);
  DateTime date;
  while (std::isspace(static_cast<unsigned char>(scan.peek()))) scan.take(scan.peek());
  int digits = 0;
  const auto year = scan.number(4, &digits);
  if (!year || digits != 4) return std::nullopt;
  date.year = *year;
  const bool extended = scan.take('-');
  const auto month = scan.number(2, &digits);
  if (!month || digits != 2) return std::nullopt;
  date.month = *month;
  if (extended && !scan.take('-')) return std::nullopt;
  const auto day = scan.number(2, &digits);
  if (!day || digits != 2) return std::nullopt;
  date.day = *day;
  if (scan.take('T') || scan.take('t') || scan.take(' ')) {
    if (extended) {
      if (!read_time(scan, date)) return std::nullopt;
    } else {
      const auto hhmmss = scan.number(6, &digits);
      if (!hhmmss || (digits != 4 && digits != 6)) return std::nullopt;
      date.has_time = true;
      const int value = digits == 4 ? *hhmmss * 100 : *hhmmss;
      date.hour = value / 10000, date.minute = value / 100 % 100, date.second = value % 100;
    }
    while (scan.peek() == ' ') scan.take(' ');
    if (!scan.take('Z') && !scan.take('z')) {
      if (!read_numeric_offset(scan, date.offset_minutes)) {
        const std::string zone = scan.word();
        if (!zone.empty()) {
          const auto offset = named_zone_offset(zone);
          if (!offset) return std::nullopt;
          date.offset_minutes = *offset;
        }
      }
    }
  }
  return valid(date) ? std::optional(date) : std::nullopt;
}

}  // namespace

std::optional<std::string> normalize_feed_date(std::string_view text) {
  if (text.size() > 200) return std::nullopt;  // no date is this long
  size_t start = 0;
  while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
  text.remove_prefix(start);
  if (text.empty()) return std::nullopt;
  std::optional<DateTime> date;
  if (text.size() >= 8 && std::isdigit(static_cast<unsigned char>(text[0])) &&
      std::isdigit(static_cast<unsigned char>(text[1])) && std::isdigit(static_cast<unsigned char>(text[2])) &&
      std::isdigit(static_cast<unsigned char>(text[3])))
    date = parse_iso8601(text);
  if (!date) date = parse_rfc822(text);
  if (!date) return std::nullopt;
  return format_utc(*date);
}

}  // namespace storyline::ingest
