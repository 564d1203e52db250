// Hand-written shapes over ICU's calendar words: no library finds dates in free multilingual
// prose (ICU's DateFormat parses one known pattern at a time). The text is cut into number, word
// and punctuation tokens once; each shape is then a few token comparisons at one position, so the
// work is linear in the (bounded) text.
#include "storyline/extract/date_mentions.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <chrono>
#include <optional>
#include <string>

#include "storyline/extract/calendar_names.h"

namespace storyline::extract {
namespace {

// A page of prose has a few thousand tokens; past this the rest is not read.
constexpr size_t kMaxTokens = 20000;
// Years a news date can name. Numbers outside are quantities, codes or history too old to date a report.
constexpr int kFirstYear = 1900, kLastYear = 2099;

struct Token {
  enum class Kind { kNumber, kWord, kPunct } kind = Kind::kPunct;
  size_t offset = 0, length = 0;
  int value = 0;              // numbers (up to 9 digits)
  size_t digits = 0;          // numbers
  UChar32 symbol = 0;         // punctuation
  bool space_before = false;  // glued to the token before when false
  bool line_start = false;
  size_t line = 0;
};

// 年 月 日 and Korean 년 월 일: the markers of East Asian dates are separators, not letters.
bool is_east_asian_date_marker(UChar32 c) {
  return c == 0x5E74 || c == 0x6708 || c == 0x65E5 || c == 0xB144 || c == 0xC6D4 || c == 0xC77C;
}

bool is_letter(UChar32 c) {
  return c >= 0 && !is_east_asian_date_marker(c) && (u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0);
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t size = static_cast<int32_t>(text.size());
  int32_t i = 0;
  bool space = true, line_start = true;
  size_t line = 0;
  while (i < size && tokens.size() < kMaxTokens) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, size, c);
    if (c == '\n' || c == 0x2028 || c == 0x2029) {
      space = line_start = true;
      ++line;
      continue;
    }
    if (c >= 0 && (u_isUWhiteSpace(c) || c < 0x20)) {
      space = true;
      continue;
    }
    Token token;
    token.offset = static_cast<size_t>(start);
    token.space_before = space;
    token.line_start = line_start;
    token.line = line;
    if (c >= '0' && c <= '9') {
      token.kind = Token::Kind::kNumber;
      int32_t end = start;
      while (end < size && bytes[end] >= '0' && bytes[end] <= '9') {
        if (token.digits < 9) token.value = token.value * 10 + (bytes[end] - '0');
        ++token.digits;
        ++end;
      }
      i = end;
    } else if (is_letter(c)) {
      token.kind = Token::Kind::kWord;
      // Letters, and a hyphen between letters ("segunda-feira").
      while (i < size) {
        int32_t next = i;
        UChar32 d;
        U8_NEXT(bytes, next, size, d);
        if (is_letter(d)) {
          i = next;
          continue;
        }
        if (d == '-' && next < size) {
          int32_t after = next;
          UChar32 e;
          U8_NEXT(bytes, after, size, e);
          if (is_letter(e)) {
            i = after;
            continue;
          }
        }
        break;
      }
    } else {
      token.kind = Token::Kind::kPunct;
      token.symbol = c;
    }
    token.length = static_cast<size_t>(i - start);
    tokens.push_back(token);
    space = line_start = false;
  }
  return tokens;
}

bool valid_day(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  // No year: any day the month can have (29 February too).
  const std::chrono::year_month_day date{std::chrono::year{year ? year : 2000},
                                         std::chrono::month{static_cast<unsigned>(month)},
                                         std::chrono::day{static_cast<unsigned>(day)}};
  return date.ok();
}

bool plausible_year(int year) { return year >= kFirstYear && year <= kLastYear; }

class MentionFinder {
 public:
  MentionFinder(std::string_view text, std::string_view language)
      : text_(text),
        names_(calendar_names(language)),
        month_first_slashes_(language.substr(0, 2) == "en"),
        tokens_(tokenize(text)) {
    keys_.resize(tokens_.size());
  }

  std::vector<DateMention> find() {
    std::vector<DateMention> mentions;
    for (size_t i = 0; i < tokens_.size();) {
      DateMention mention;
      size_t end = i;
      if (match_at(i, mention, end)) {
        mention.offset = tokens_[i].offset;
        mention.length = tokens_[end - 1].offset + tokens_[end - 1].length - mention.offset;
        mention.opens_line = tokens_[i].line_start;
        if (mention.kind == MentionKind::kFullDate) mention.in_caption = line_names_photo(i);
        mentions.push_back(mention);
        i = end;
      } else {
        ++i;
      }
    }
    return mentions;
  }

 private:
  const Token* at(size_t i) const { return i < tokens_.size() ? &tokens_[i] : nullptr; }
  bool glued(size_t i) const { return i < tokens_.size() && !tokens_[i].space_before; }
  bool number(size_t i, size_t min_digits, size_t max_digits) const {
    const Token* token = at(i);
    return token && token->kind == Token::Kind::kNumber && token->digits >= min_digits && token->digits <= max_digits;
  }
  bool punct(size_t i, UChar32 symbol) const {
    const Token* token = at(i);
    return token && token->kind == Token::Kind::kPunct && token->symbol == symbol;
  }
  bool word(size_t i) const {
    const Token* token = at(i);
    return token && token->kind == Token::Kind::kWord;
  }
  int value(size_t i) const { return tokens_[i].value; }

  const std::string& key(size_t i) const {
    if (!keys_[i]) keys_[i] = calendar_key(text_.substr(tokens_[i].offset, tokens_[i].length));
    return *keys_[i];
  }

  // The month a word names, honouring the language's capitals ("may" is no month in English).
  const MonthName* month_at(size_t i) const {
    if (!word(i)) return nullptr;
    const MonthName* month = names_.month(key(i));
    if (!month || !month->capitalised) return month;
    UChar32 first;
    int32_t index = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text_.data() + tokens_[i].offset), index,
            static_cast<int32_t>(tokens_[i].length), first);
    return u_isupper(first) || u_istitle(first) ? month : nullptr;
  }

  bool match_at(size_t i, DateMention& mention, size_t& end) const {
    // "Monday, August 30": the weekday is kept to check the date or find its year.
    if (word(i)) {
      if (const int weekday = names_.weekday(key(i)); weekday >= 0) {
        const DateMention before = mention;
        size_t j = i + 1;
        if (punct(j, ',')) ++j;
        if (match_date(j, mention, end) && mention.kind != MentionKind::kYear && mention.kind != MentionKind::kMonthYear) {
          mention.weekday = weekday;
          return true;
        }
        // A weekday's short name can also be a month's ("mar" in Spanish): read it as one.
        mention = before;
      }
    }
    return match_date(i, mention, end);
  }

  bool match_date(size_t i, DateMention& mention, size_t& end) const {
    return match_numeric(i, mention, end) || match_east_asian(i, mention, end) || match_day_first(i, mention, end) ||
           match_month_first(i, mention, end) || match_year(i, mention, end);
  }

  // A number glued to a point, comma or colon before it ("1.13", "10:30"): part of something else.
  bool continues_number(size_t i) const {
    return i >= 2 && glued(i) && at(i - 1)->kind == Token::Kind::kPunct &&
           (punct(i - 1, '.') || punct(i - 1, ',') || punct(i - 1, ':')) && glued(i - 1) && number(i - 2, 1, 9);
  }
  bool continued_by_number(size_t i) const {  // "2005.5", "13.06.2005.1"
    return glued(i + 1) && (punct(i + 1, '.') || punct(i + 1, ',') || punct(i + 1, ':')) && glued(i + 2) &&
           number(i + 2, 1, 9);
  }

  static bool full(DateMention& mention, int year, int month, int day) {
    if (!plausible_year(year) || !valid_day(year, month, day)) return false;
    mention.kind = MentionKind::kFullDate;
    mention.year = year, mention.month = month, mention.day = day;
    return true;
  }

  // 2005-06-13, 2005/06/13, 13.06.2005, 13/06/2005, 06/13/2005, 13-Jun-05 (all glued).
  bool match_numeric(size_t i, DateMention& mention, size_t& end) const {
    if (!number(i, 1, 4) || continues_number(i)) return false;
    const Token* separator = at(i + 1);
    if (!separator || separator->kind != Token::Kind::kPunct || !glued(i + 1) || !glued(i + 2) || !glued(i + 3) ||
        !glued(i + 4) || !punct(i + 3, separator->symbol))
      return false;
    const UChar32 sep = separator->symbol;
    if (sep != '-' && sep != '/' && sep != '.') return false;
    if (continued_by_number(i + 4)) return false;
    end = i + 5;
    if (number(i, 4, 4) && number(i + 2, 1, 2) && number(i + 4, 1, 2))
      return full(mention, value(i), value(i + 2), value(i + 4));
    if (number(i, 1, 2) && number(i + 2, 1, 2) && number(i + 4, 4, 4)) {
      int first = value(i), second = value(i + 2);
      const bool month_first = (sep == '/' && month_first_slashes_ && first <= 12) || second > 12;
      if (month_first) std::swap(first, second);
      return full(mention, value(i + 4), second, first);
    }
    if (sep == '-' && number(i, 1, 2) && number(i + 4, 2, 2)) {  // 13-Jun-05, as Dutch Wikinews writes its datelines
      const MonthName* month = month_at(i + 2);
      return month && full(mention, 2000 + value(i + 4), month->month, value(i));
    }
    return false;
  }

  // 2005年6月13日, 6月13日 (and Korean 년 월 일).
  bool match_east_asian(size_t i, DateMention& mention, size_t& end) const {
    auto marker = [&](size_t j, UChar32 chinese, UChar32 korean) { return punct(j, chinese) || punct(j, korean); };
    size_t j = i;
    int year = 0;
    if (number(j, 4, 4) && marker(j + 1, 0x5E74, 0xB144)) {
      year = value(j);
      j += 2;
    }
    if (!(number(j, 1, 2) && marker(j + 1, 0x6708, 0xC6D4) && number(j + 2, 1, 2) && marker(j + 3, 0x65E5, 0xC77C)))
      return false;
    end = j + 4;
    if (year) return full(mention, year, value(j), value(j + 2));
    if (!valid_day(0, value(j), value(j + 2))) return false;
    mention.kind = MentionKind::kPartialDate, mention.month = value(j), mention.day = value(j + 2);
    return true;
  }

  // After a month, optionally: ", 2005", "de 2005", "2005 года".
  std::optional<int> year_after(size_t& j) const {
    size_t k = j;
    if (punct(k, ',')) ++k;
    else if (word(k) && names_.is_joiner(key(k))) ++k;
    if (!number(k, 4, 4) || !plausible_year(value(k)) || continued_by_number(k) ||
        (glued(k + 1) && (word(k + 1) || number(k + 1, 1, 9))))
      return std::nullopt;
    const int year = value(k);
    ++k;
    if (word(k) && names_.is_year_word(key(k))) {
      ++k;
      if (punct(k, '.') && glued(k)) ++k;
    }
    j = k;
    return year;
  }

  // A month word at j, with its point; "abbreviated without a point" is too loose alone.
  const MonthName* month_word(size_t& j, bool& loose) const {
    const MonthName* month = month_at(j);
    if (!month) return nullptr;
    ++j;
    loose = month->abbreviated;
    if (punct(j, '.') && glued(j)) {
      ++j;
      loose = false;
    }
    return month;
  }

  // 13 June 2005, 13. Juni 2005, 13 de junio de 2005, 1er janvier, 14th of May, 13 июня 2005 года.
  bool match_day_first(size_t i, DateMention& mention, size_t& end) const {
    if (!number(i, 1, 2) || continues_number(i)) return false;
    const int day = value(i);
    size_t j = i + 1;
    if (glued(j) && (punct(j, '.') || punct(j, 0xB0) || punct(j, 0xBA) || (word(j) && names_.is_ordinal(key(j))))) ++j;
    for (int joiners = 0; joiners < 2 && word(j) && names_.is_joiner(key(j)); ++joiners) ++j;
    bool loose = false;
    const MonthName* month = month_word(j, loose);
    if (!month) return false;
    if (const auto year = year_after(j)) {
      end = j;
      return full(mention, *year, month->month, day);
    }
    if (loose || !valid_day(0, month->month, day)) return false;
    end = j;
    mention.kind = MentionKind::kPartialDate, mention.month = month->month, mention.day = day;
    return true;
  }

  // June 13, 2005; Aug. 30; Oct.19; June 13th; August 2021; junio de 2005.
  bool match_month_first(size_t i, DateMention& mention, size_t& end) const {
    size_t j = i;
    bool loose = false;
    const MonthName* month = month_word(j, loose);
    if (!month) return false;
    if (number(j, 1, 2) && !continued_by_number(j) && !(glued(j + 1) && number(j + 1, 1, 9))) {
      const int day = value(j);
      size_t k = j + 1;
      if (glued(k) && word(k) && names_.is_ordinal(key(k))) ++k;
      else if (glued(k) && word(k)) return false;  // "June 13th" yes, "May 5G" no
      if (const auto year = year_after(k)) {
        end = k;
        return full(mention, *year, month->month, day);
      }
      if (loose || !valid_day(0, month->month, day)) return false;
      end = k;
      mention.kind = MentionKind::kPartialDate, mention.month = month->month, mention.day = day;
      return true;
    }
    if (loose) return false;
    if (const auto year = year_after(j)) {
      end = j;
      mention.kind = MentionKind::kMonthYear, mention.year = *year, mention.month = month->month;
      return true;
    }
    return false;
  }

  // A year alone: four digits in range, not a part of a larger number, an amount or a decade ("2000s").
  bool match_year(size_t i, DateMention& mention, size_t& end) const {
    if (!number(i, 4, 4) || !plausible_year(value(i)) || continues_number(i) || continued_by_number(i)) return false;
    if (glued(i) && i > 0 && tokens_[i - 1].kind == Token::Kind::kPunct) {
      const UChar32 before = tokens_[i - 1].symbol;
      if (before == '$' || before == 0x20AC || before == 0xA3 || before == 0xA5 || before == '#' || before == '+')
        return false;
    }
    if (glued(i + 1) && (word(i + 1) || number(i + 1, 1, 9))) return false;
    if (punct(i + 1, '%')) return false;
    end = i + 1;
    mention.kind = MentionKind::kYear, mention.year = value(i);
    return true;
  }

  // Whether the line of token i names a photo (looked for within 80 tokens either side).
  bool line_names_photo(size_t i) const {
    const size_t line = tokens_[i].line;
    const size_t from = i > 80 ? i - 80 : 0, to = std::min(tokens_.size(), i + 80);
    for (size_t j = from; j < to; ++j)
      if (tokens_[j].line == line && word(j) && names_.is_caption_word(key(j))) return true;
    return false;
  }

  std::string_view text_;
  const CalendarNames& names_;
  bool month_first_slashes_;
  std::vector<Token> tokens_;
  mutable std::vector<std::optional<std::string>> keys_;
};

}  // namespace

std::vector<DateMention> find_date_mentions(std::string_view text, std::string_view language) {
  if (text.size() > kSearchedBytes) {
    size_t cut = kSearchedBytes;  // not inside a UTF-8 sequence
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  return MentionFinder(text, language).find();
}

}  // namespace storyline::extract
