#include "storyline/extract/prose_dates.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <regex>

namespace storyline::extract {
namespace {

// Month names and their usual abbreviations (English, German, French, Spanish), lower-case.
int month_number(std::string name) {
  for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!name.empty() && name.back() == '.') name.pop_back();
  struct Month {
    const char* name;
    int number;
  };
  static const std::array kMonths = {
      Month{"january", 1},    Month{"jan", 1},        Month{"januar", 1},    Month{"janvier", 1},   Month{"enero", 1},
      Month{"february", 2},   Month{"feb", 2},        Month{"februar", 2},   Month{"fevrier", 2},   Month{"febrero", 2},
      Month{"march", 3},      Month{"mar", 3},        Month{"märz", 3},      Month{"maerz", 3},     Month{"mars", 3},
      Month{"marzo", 3},      Month{"april", 4},      Month{"apr", 4},       Month{"avril", 4},     Month{"abril", 4},
      Month{"may", 5},        Month{"mai", 5},        Month{"mayo", 5},      Month{"june", 6},      Month{"jun", 6},
      Month{"juni", 6},       Month{"juin", 6},       Month{"junio", 6},     Month{"july", 7},      Month{"jul", 7},
      Month{"juli", 7},       Month{"juillet", 7},    Month{"julio", 7},     Month{"august", 8},    Month{"aug", 8},
      Month{"aout", 8},       Month{"agosto", 8},     Month{"september", 9}, Month{"sep", 9},       Month{"sept", 9},
      Month{"septembre", 9},  Month{"septiembre", 9}, Month{"october", 10},  Month{"oct", 10},      Month{"oktober", 10},
      Month{"octobre", 10},   Month{"octubre", 10},   Month{"november", 11}, Month{"nov", 11},      Month{"novembre", 11},
      Month{"noviembre", 11}, Month{"december", 12},  Month{"dec", 12},      Month{"dezember", 12}, Month{"dez", 12},
      Month{"decembre", 12},  Month{"diciembre", 12}};
  for (const auto& month : kMonths)
    if (name == month.name) return month.number;
  return 0;
}

bool valid_date(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1) return false;
  if (year != 0 && (year < 1900 || year > 2199)) return false;
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > kDays[month - 1]) return false;
  if (month == 2 && day == 29 && year != 0) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (!leap) return false;
  }
  return true;
}

const std::string& month_pattern() {
  // Longest names first so that the alternation prefers "September" over "Sep".
  static const std::string kPattern =
      "(january|february|march|april|june|july|august|september|october|november|december|januar|februar|"
      "m(?:ä|\\xC3\\xA4)rz|maerz|juni|juli|oktober|dezember|janvier|f(?:é|e)vrier|avril|juillet|ao(?:û|u)t|"
      "septembre|octobre|novembre|d(?:é|e)cembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
      "octubre|noviembre|diciembre|sept\\.?|jan\\.?|feb\\.?|mar\\.?|apr\\.?|may|mai|jun\\.?|jul\\.?|aug\\.?|"
      "sep\\.?|oct\\.?|nov\\.?|dec\\.?|dez\\.?)";
  return kPattern;
}

std::string ascii_month_key(std::string name) {
  // Accented forms of the pattern map to the unaccented keys of month_number().
  auto replace = [&](const std::string& from, const std::string& to) {
    const size_t at = name.find(from);
    if (at != std::string::npos) name.replace(at, from.size(), to);
  };
  replace("\xC3\xA4", "ae");
  replace("\xC3\xA9", "e");
  replace("\xC3\xBB", "u");
  replace("\xC3\x84", "ae");
  return name;
}

}  // namespace

std::string ProseDate::iso() const {
  char buffer[16];
  if (year) std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  else std::snprintf(buffer, sizeof buffer, "--%02d-%02d", month, day);
  return buffer;
}

std::vector<ProseDate> find_prose_dates(std::string_view text) {
  // std::regex (ECMAScript) keeps this declarative; the texts are one page at most.
  static const std::regex kMonthFirst("\\b" + month_pattern() + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?",
                                      std::regex::icase | std::regex::optimize);
  static const std::regex kDayFirst("\\b(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s+(?:of\\s+|de\\s+)?" + month_pattern() +
                                        "(?:,?\\s+(?:de\\s+)?(\\d{4}))?\\b",
                                    std::regex::icase | std::regex::optimize);
  static const std::regex kIso("\\b(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)", std::regex::optimize);
  static const std::regex kDotted("\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b", std::regex::optimize);

  std::vector<ProseDate> dates;
  const std::string subject(text);
  auto overlaps_found = [&](size_t offset, size_t length) {
    for (const auto& date : dates)
      if (offset < date.offset + date.length && date.offset < offset + length) return true;
    return false;
  };
  auto add = [&](int year, int month, int day, size_t offset, size_t length) {
    if (!valid_date(year, month, day) || overlaps_found(offset, length)) return;
    dates.push_back({year, month, day, offset, length});
  };
  auto number = [](const std::ssub_match& match) { return match.matched ? std::stoi(match.str()) : 0; };
  for (std::sregex_iterator it(subject.begin(), subject.end(), kIso), end; it != end; ++it)
    add(number((*it)[1]), number((*it)[2]), number((*it)[3]), it->position(), it->length());
  for (std::sregex_iterator it(subject.begin(), subject.end(), kDotted), end; it != end; ++it)
    add(number((*it)[3]), number((*it)[2]), number((*it)[1]), it->position(), it->length());
  for (std::sregex_iterator it(subject.begin(), subject.end(), kMonthFirst), end; it != end; ++it) {
    const int month = month_number(ascii_month_key((*it)[1].str()));
    const std::string day = (*it)[2].str();
    if (day.size() > 2) continue;
    add(number((*it)[3]), month, std::stoi(day), it->position(), it->length());
  }
  for (std::sregex_iterator it(subject.begin(), subject.end(), kDayFirst), end; it != end; ++it) {
    const int month = month_number(ascii_month_key((*it)[2].str()));
    add(number((*it)[3]), month, number((*it)[1]), it->position(), it->length());
  }
  std::sort(dates.begin(), dates.end(), [](const ProseDate& a, const ProseDate& b) { return a.offset < b.offset; });
  return dates;
}

}  // namespace storyline::extract
