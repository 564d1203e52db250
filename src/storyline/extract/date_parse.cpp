// Over 500 lines as one piece since the reformat (clang-format, 125 columns): the token shapes of
// a date, its time and its zone are read by one scanner, and splitting them would pass its state
// between files.
// Hand-written because no Debian library reads free-form, multilingual publisher dates: ICU's
// DateFormat needs the exact pattern and locale in advance, strptime knows one locale at a time.
// The approach: split the text into number / word / punctuation tokens, then look for the few
// shapes that dates take (Y-M-D, D.M.Y, M/D/Y, D Month Y, Month D Y, Y年M月D日), then for a time
// and a zone right after the date.
#include "storyline/extract/date_parse.h"
#include "storyline/core/ascii.h"

#include <array>
#include <chrono>
#include <cstdio>
#include <vector>

namespace storyline::extract {
namespace {

struct Token {
  enum class Kind { number, word, punct } kind;
  std::string text;  // words lower-cased (ASCII and Latin-1 letters)
};

bool is_ascii_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// The CJK date markers (年 月 日, Korean 년 월 일) are separators, not letters.
bool is_cjk_date_marker(std::string_view character) {
  static constexpr std::string_view markers[] = {"\xE5\xB9\xB4", "\xE6\x9C\x88", "\xE6\x97\xA5",
                                                 "\xEB\x85\x84", "\xEC\x9B\x94", "\xEC\x9D\xBC"};
  for (auto marker : markers)
    if (character == marker) return true;
  return false;
}

// Lower-cases ASCII and the Latin-1 capitals (U+00C0..U+00DE, two bytes C3 80..C3 9E) that month
// names use: enough for "März", "Août", "Décembre".
void append_lower(std::string& out, std::string_view character) {
  if (character.size() == 1) {
    const char c = character[0];
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  } else if (character.size() == 2 && static_cast<unsigned char>(character[0]) == 0xC3 &&
             static_cast<unsigned char>(character[1]) >= 0x80 && static_cast<unsigned char>(character[1]) <= 0x9E &&
             static_cast<unsigned char>(character[1]) != 0x97) {
    out += character[0];
    out += static_cast<char>(character[1] + 0x20);
  } else {
    out += character;
  }
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size() && tokens.size() < 400) {  // dates sit near the start; bound the work
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (is_digit(static_cast<char>(c))) {
      size_t end = i;
      while (end < text.size() && is_digit(text[end])) ++end;
      tokens.push_back({Token::Kind::number, std::string(text.substr(i, end - i))});
      i = end;
    } else if (is_ascii_letter(c) || c >= 0x80) {
      std::string word;
      size_t end = i;
      while (end < text.size()) {
        const unsigned char d = static_cast<unsigned char>(text[end]);
        if (!(is_ascii_letter(d) || d >= 0x80)) break;
        const size_t length = std::min(utf8_length(d), text.size() - end);
        const std::string_view character = text.substr(end, length);
        if (is_cjk_date_marker(character)) break;
        append_lower(word, character);
        end += length;
      }
      if (end == i) {  // a CJK marker
        const size_t length = std::min(utf8_length(c), text.size() - i);
        tokens.push_back({Token::Kind::punct, std::string(text.substr(i, length))});
        i += length;
      } else {
        tokens.push_back({Token::Kind::word, std::move(word)});
        i = end;
      }
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else {
      tokens.push_back({Token::Kind::punct, std::string(1, static_cast<char>(c))});
      ++i;
    }
  }
  return tokens;
}

struct MonthName {
  std::string_view name;
  int month;
};

// Full month names (lower case). Abbreviations are matched as unambiguous prefixes of these.
constexpr MonthName kMonthNames[] = {
    // English
    {"january", 1},
    {"february", 2},
    {"march", 3},
    {"april", 4},
    {"may", 5},
    {"june", 6},
    {"july", 7},
    {"august", 8},
    {"september", 9},
    {"october", 10},
    {"november", 11},
    {"december", 12},
    // German (and Austrian Jänner, Feber)
    {"januar", 1},
    {"jänner", 1},
    {"februar", 2},
    {"feber", 2},
    {"märz", 3},
    {"mrz", 3},
    {"mai", 5},
    {"juni", 6},
    {"juli", 7},
    {"oktober", 10},
    {"dezember", 12},
    // French
    {"janvier", 1},
    {"février", 2},
    {"fevrier", 2},
    {"mars", 3},
    {"avril", 4},
    {"juin", 6},
    {"juillet", 7},
    {"août", 8},
    {"aout", 8},
    {"septembre", 9},
    {"octobre", 10},
    {"novembre", 11},
    {"décembre", 12},
    {"decembre", 12},
    // Spanish
    {"enero", 1},
    {"febrero", 2},
    {"marzo", 3},
    {"abril", 4},
    {"mayo", 5},
    {"junio", 6},
    {"julio", 7},
    {"agosto", 8},
    {"septiembre", 9},
    {"setiembre", 9},
    {"octubre", 10},
    {"noviembre", 11},
    {"diciembre", 12},
    // Italian
    {"gennaio", 1},
    {"febbraio", 2},
    {"aprile", 4},
    {"maggio", 5},
    {"giugno", 6},
    {"luglio", 7},
    {"settembre", 9},
    {"ottobre", 10},
    {"dicembre", 12},
    // Portuguese
    {"janeiro", 1},
    {"fevereiro", 2},
    {"março", 3},
    {"marco", 3},
    {"maio", 5},
    {"junho", 6},
    {"julho", 7},
    {"setembro", 9},
    {"outubro", 10},
    {"novembro", 11},
    {"dezembro", 12},
    // Dutch
    {"januari", 1},
    {"februari", 2},
    {"maart", 3},
    {"mei", 5},
    {"augustus", 8},
    // Short forms that are not prefixes of a full name above
    {"sept", 9},
    {"okt", 10},
    {"dez", 12},
    {"dic", 12},
    {"ene", 1},
    {"ago", 8},
    {"set", 9},
    {"out", 10},
    {"gen", 1},
    {"giu", 6},
    {"lug", 7},
    {"ott", 10},
    {"mag", 5},
    {"fév", 2},
    {"déc", 12},
};

// 0 when `word` is no month. Accepts full names and prefixes of at least three letters that
// point to one month only ("sep", "okt", "févr", "janv").
int month_from_word(std::string_view word) {
  if (word.size() < 3) return 0;
  int found = 0;
  for (const auto& entry : kMonthNames) {
    if (entry.name == word) return entry.month;
    if (entry.name.size() > word.size() && entry.name.substr(0, word.size()) == word) {
      if (found != 0 && found != entry.month) return 0;
      found = entry.month;
    }
  }
  return found;
}

bool valid_date(int year, int month, int day) {
  if (year < 1800 || year > 2200) return false;
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                         std::chrono::day{static_cast<unsigned>(day)}};
  return month >= 1 && month <= 12 && day >= 1 && date.ok();
}

struct Zone {
  std::string_view name;
  int minutes;
};

// Abbreviations with one meaning; ambiguous ones (IST, CST in China, ET) are left out.
constexpr Zone kZones[] = {
    {"utc", 0},    {"gmt", 0},    {"ut", 0},     {"z", 0},      {"est", -300}, {"edt", -240}, {"cdt", -300},
    {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420}, {"cet", 60},   {"cest", 120}, {"mez", 60},
    {"mesz", 120}, {"bst", 60},   {"eet", 120},  {"eest", 180}, {"jst", 540},  {"kst", 540},
};

class DateScanner {
 public:
  DateScanner(std::vector<Token> tokens, SlashDateOrder order) : tokens_(std::move(tokens)), order_(order) {}

  std::optional<std::string> scan() {
    for (size_t i = 0; i < tokens_.size(); ++i) {
      int year = 0, month = 0, day = 0;
      size_t end = 0;
      if (match_date(i, year, month, day, end) && valid_date(year, month, day)) {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
        return std::string(buffer) + match_time(end);
      }
    }
    return std::nullopt;
  }

 private:
  const Token* at(size_t i) const { return i < tokens_.size() ? &tokens_[i] : nullptr; }
  bool is_number(size_t i, size_t min_digits, size_t max_digits) const {
    const Token* token = at(i);
    return token && token->kind == Token::Kind::number && token->text.size() >= min_digits &&
           token->text.size() <= max_digits;
  }
  bool is_punct(size_t i, std::string_view text) const {
    const Token* token = at(i);
    return token && token->kind == Token::Kind::punct && token->text == text;
  }
  bool is_word(size_t i, std::string_view text) const {
    const Token* token = at(i);
    return token && token->kind == Token::Kind::word && token->text == text;
  }
  int number(size_t i) const { return std::stoi(tokens_[i].text.substr(0, 9)); }
  int month_at(size_t i) const {
    const Token* token = at(i);
    return token && token->kind == Token::Kind::word ? month_from_word(token->text) : 0;
  }

  // Skips an ordinal suffix after a day: 9th, 1er, 1º, 2nd.
  size_t skip_ordinal(size_t i) const {
    const Token* token = at(i);
    if (!token) return i;
    if (token->kind == Token::Kind::word) {
      static constexpr std::string_view suffixes[] = {"st", "nd", "rd", "th", "er", "re", "e", "o", "º"};
      for (auto suffix : suffixes)
        if (token->text == suffix) return i + 1;
      if (token->text == "\xC2\xBA" || token->text == "\xC2\xAA") return i + 1;  // º ª
    }
    return i;
  }
  // Skips the punctuation and little words that sit between a date's parts.
  size_t skip_joiners(size_t i) const {
    while (at(i)) {
      if (is_punct(i, ",") || is_punct(i, ".")) {
        ++i;
      } else if (is_word(i, "de") || is_word(i, "del") || is_word(i, "of") || is_word(i, "do")) {
        ++i;
      } else {
        break;
      }
    }
    return i;
  }

  bool match_date(size_t i, int& year, int& month, int& day, size_t& end) const {
    // Y-M-D, Y/M/D, Y.M.D
    if (is_number(i, 4, 4) && at(i + 1) && (is_punct(i + 1, "-") || is_punct(i + 1, "/") || is_punct(i + 1, ".")) &&
        is_number(i + 2, 1, 2) && is_punct(i + 3, tokens_[i + 1].text) && is_number(i + 4, 1, 2)) {
      year = number(i), month = number(i + 2), day = number(i + 4);
      end = i + 5;
      return true;
    }
    // Y年M月D日 (and Korean 년 월 일)
    if (is_number(i, 4, 4) && at(i + 1) && is_cjk_date_marker(tokens_[i + 1].text) && is_number(i + 2, 1, 2) && at(i + 3) &&
        is_cjk_date_marker(tokens_[i + 3].text) && is_number(i + 4, 1, 2)) {
      year = number(i), month = number(i + 2), day = number(i + 4);
      end = i + 5;
      if (at(end) && is_cjk_date_marker(tokens_[end].text)) ++end;
      return true;
    }
    // D.M.Y, D-M-Y (day first), A/B/Y (month first unless A > 12)
    if (is_number(i, 1, 2) && at(i + 1) && (is_punct(i + 1, ".") || is_punct(i + 1, "/") || is_punct(i + 1, "-")) &&
        is_number(i + 2, 1, 2) && is_punct(i + 3, tokens_[i + 1].text) && is_number(i + 4, 4, 4)) {
      const int first = number(i), second = number(i + 2);
      year = number(i + 4);
      if (tokens_[i + 1].text == "/" && first <= 12 && (order_ == SlashDateOrder::kMonthFirst || second > 12)) {
        month = first, day = second;
      } else {
        day = first, month = second;
      }
      end = i + 5;
      return true;
    }
    // D.M.YY, German short form ("31.10.23"); not inside longer dotted numbers (versions, IPs)
    if (is_number(i, 1, 2) && is_punct(i + 1, ".") && is_number(i + 2, 1, 2) && is_punct(i + 3, ".") &&
        is_number(i + 4, 2, 2) && !(i > 0 && is_punct(i - 1, ".")) && !(is_punct(i + 5, ".") && is_number(i + 6, 1, 9))) {
      const int short_year = number(i + 4);
      day = number(i), month = number(i + 2), year = short_year < 70 ? 2000 + short_year : 1900 + short_year;
      end = i + 5;
      return true;
    }
    // D Month Y: "9 Oct 2021", "9. Oktober 2021", "9 de octubre de 2021", "9th of October, 2021"
    if (is_number(i, 1, 2)) {
      size_t j = skip_joiners(skip_ordinal(i + 1));
      if (const int m = month_at(j)) {
        j = skip_joiners(j + 1);
        if (is_number(j, 4, 4)) {
          day = number(i), month = m, year = number(j);
          end = j + 1;
          return true;
        }
      }
    }
    // Month D, Y: "October 9, 2021", "Oct. 29, 2025"
    if (const int m = month_at(i)) {
      size_t j = i + 1;
      if (is_punct(j, ".")) ++j;
      if (is_number(j, 1, 2)) {
        const size_t k = skip_joiners(skip_ordinal(j + 1));
        if (is_number(k, 4, 4)) {
          month = m, day = number(j), year = number(k);
          end = k + 1;
          return true;
        }
        // asctime and Java's Date.toString(): "Sun Nov 23 16:00:00 EDT 2014"; the time follows the day
        if (is_number(k, 1, 2) && is_punct(k + 1, ":")) {
          for (size_t y = k + 2; y < k + 9 && at(y); ++y) {
            if (is_number(y, 4, 4)) {
              month = m, day = number(j), year = number(y);
              end = k;
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  // "THH:MM[:SS[.fff]] [am|pm] [zone]" after the date; "" when absent or impossible.
  std::string match_time(size_t i) const {
    static constexpr std::string_view joiners[] = {"t",   "at",   "um",  "à",  "a",  "às", "as",
                                                   "las", "alle", "ore", "om", "kl", "le", "\xE2\x80\x93"};
    for (int guard = 0; guard < 4 && at(i); ++guard) {
      bool skipped = is_punct(i, ",") || is_punct(i, "-") || is_punct(i, "|") || is_punct(i, "@") || is_punct(i, "/");
      for (auto joiner : joiners) skipped = skipped || is_word(i, joiner);
      if (!skipped) break;
      ++i;
    }
    if (!is_number(i, 1, 2) || !(is_punct(i + 1, ":") || is_word(i + 1, "h")) || !is_number(i + 2, 2, 2)) return {};
    int hour = number(i), minute = number(i + 2), second = 0;
    i += 3;
    if (is_punct(i, ":") && is_number(i + 1, 2, 2)) {
      second = number(i + 1);
      i += 2;
      if ((is_punct(i, ".") || is_punct(i, ",")) && is_number(i + 1, 1, 9)) i += 2;  // fractions dropped
    }
    // am / pm, also "a.m." and "p.m."
    int meridiem = 0;  // 1 am, 2 pm
    if (is_word(i, "am") || is_word(i, "pm")) {
      meridiem = is_word(i, "am") ? 1 : 2;
      ++i;
    } else if ((is_word(i, "a") || is_word(i, "p")) && is_punct(i + 1, ".") && is_word(i + 2, "m")) {
      meridiem = is_word(i, "a") ? 1 : 2;
      i += 3;
      if (is_punct(i, ".")) ++i;
    }
    if (meridiem != 0) {
      if (hour < 1 || hour > 12) return {};
      if (meridiem == 1 && hour == 12) hour = 0;
      if (meridiem == 2 && hour != 12) hour += 12;
    }
    if (hour > 23 || minute > 59 || second > 60) return {};
    if (is_word(i, "uhr") || is_word(i, "h")) ++i;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "T%02d:%02d:%02d", hour, minute, second);
    return std::string(buffer) + match_zone(i);
  }

  std::string match_zone(size_t i) const {
    std::optional<int> minutes;
    const Token* token = at(i);
    if (token && token->kind == Token::Kind::word) {
      for (const auto& zone : kZones)
        if (token->text == zone.name) minutes = zone.minutes;
      if (!minutes) return {};
      ++i;
      // "GMT+2", "UTC+05:30"
      if (*minutes == 0 && (is_punct(i, "+") || is_punct(i, "-"))) {
        if (auto offset = match_offset(i)) minutes = offset;
      }
    } else {
      minutes = match_offset(i);
    }
    if (!minutes) return {};
    if (*minutes == 0 && !(token && token->kind == Token::Kind::punct)) return "Z";
    char buffer[64];
    const int absolute = *minutes < 0 ? -*minutes : *minutes;
    std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", *minutes < 0 ? '-' : '+', absolute / 60, absolute % 60);
    return buffer;
  }

  // "+02:00", "+0200", "+02", "-5"
  std::optional<int> match_offset(size_t i) const {
    if (!(is_punct(i, "+") || is_punct(i, "-"))) return std::nullopt;
    const int sign = is_punct(i, "-") ? -1 : 1;
    int hours = 0, minutes = 0;
    if (is_number(i + 1, 4, 4)) {
      hours = number(i + 1) / 100, minutes = number(i + 1) % 100;
    } else if (is_number(i + 1, 1, 2)) {
      hours = number(i + 1);
      if (is_punct(i + 2, ":") && is_number(i + 3, 2, 2)) minutes = number(i + 3);
    } else {
      return std::nullopt;
    }
    if (hours > 14 || minutes > 59) return std::nullopt;
    return sign * (hours * 60 + minutes);
  }

  std::vector<Token> tokens_;
  SlashDateOrder order_;
};

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text)
    if (!is_digit(c)) return false;
  return true;
}

std::string format_date(int year, int month, int day) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

// A whole-input number: a compact date (20211009) or a Unix timestamp in seconds or milliseconds.
std::optional<std::string> parse_number_only(std::string_view digits) {
  if (digits.size() == 8) {
    const int value = std::stoi(std::string(digits));
    const int year = value / 10000, month = value / 100 % 100, day = value % 100;
    if (valid_date(year, month, day)) return format_date(year, month, day);
    return std::nullopt;
  }
  if (digits.size() != 10 && digits.size() != 13) return std::nullopt;
  long long seconds = std::stoll(std::string(digits));
  if (digits.size() == 13) seconds /= 1000;
  const std::chrono::sys_seconds instant{std::chrono::seconds{seconds}};
  const auto day_point = std::chrono::floor<std::chrono::days>(instant);
  const std::chrono::year_month_day date{day_point};
  const std::chrono::hh_mm_ss time{instant - day_point};
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  if (!valid_date(static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())), 1))
    return std::nullopt;
  return std::string(buffer);
}

}  // namespace

std::optional<std::string> parse_date_to_iso(std::string_view text, SlashDateOrder order) {
  text = trim(text, kXmlSpace);
  if (text.empty()) return std::nullopt;
  if (all_digits(text)) return parse_number_only(text);
  return DateScanner(tokenize(text.substr(0, 4096)), order).scan();
}

std::optional<std::string> date_from_url_path(std::string_view url) {
  size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : url.find('/', start + 3);
  if (start == std::string_view::npos) return std::nullopt;
  std::string_view path = url.substr(start);
  path = path.substr(0, path.find_first_of("?#"));
  auto read_number = [&](size_t at, size_t digits) -> int {
    if (at + digits > path.size()) return -1;
    int value = 0;
    for (size_t k = 0; k < digits; ++k) {
      if (!is_digit(path[at + k])) return -1;
      value = value * 10 + (path[at + k] - '0');
    }
    return value;
  };
  auto is_separator = [](char c) { return c == '/' || c == '-' || c == '_'; };
  auto ends_field = [&](size_t at) { return at >= path.size() || is_separator(path[at]) || path[at] == '.'; };
  for (size_t i = 0; i < path.size(); ++i) {
    if (!is_separator(path[i])) continue;
    const size_t at = i + 1;
    const int year = read_number(at, 4);
    if (year < 1990 || year > 2100) continue;
    // /2021/10/09/ or /2021-10-09
    if (at + 4 < path.size() && is_separator(path[at + 4])) {
      const char separator = path[at + 4];
      for (size_t month_digits : {2u, 1u}) {
        const int month = read_number(at + 5, month_digits);
        const size_t after_month = at + 5 + month_digits;
        if (month < 0 || after_month >= path.size() || path[after_month] != separator) continue;
        for (size_t day_digits : {2u, 1u}) {
          const int day = read_number(after_month + 1, day_digits);
          if (day >= 0 && ends_field(after_month + 1 + day_digits) && valid_date(year, month, day))
            return format_date(year, month, day);
        }
      }
    }
    // /20211009/
    const int compact = read_number(at, 8);
    if (compact >= 0 && ends_field(at + 8)) {
      const int month = compact / 100 % 100, day = compact % 100;
      if (valid_date(year, month, day)) return format_date(year, month, day);
    }
  }
  return std::nullopt;
}

}  // namespace storyline::extract
