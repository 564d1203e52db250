#include "storyline/extract/calendar_names.h"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "storyline/core/table_rows.h"

namespace storyline::extract {
namespace {

constexpr std::string_view kTable =
#include "storyline/extract/date_words.tsv.inc"
    ;

constexpr size_t kLongestKeyBytes = 40;

// A language code worth asking ICU about: two or three ASCII letters. Anything else is English,
// so that arbitrary input cannot grow the cache.
std::string usable_language(std::string_view language) {
  std::string code;
  for (char c : language.substr(0, language.find_first_of("-_")))
    code += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (code.size() < 2 || code.size() > 3) return "en";
  for (char c : code)
    if (c < 'a' || c > 'z') return "en";
  return code;
}

std::string key_of(const icu::UnicodeString& word) {
  std::string utf8;
  word.toUTF8String(utf8);
  return calendar_key(utf8);
}

bool starts_with_capital(const icu::UnicodeString& word) { return word.length() > 0 && u_isupper(word.char32At(0)); }

}  // namespace

std::string calendar_key(std::string_view word) {
  if (word.empty() || word.size() > kLongestKeyBytes) return {};
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return {};
  icu::UnicodeString folded = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  folded.foldCase();
  const icu::UnicodeString decomposed = nfd->normalize(folded, status);
  if (U_FAILURE(status)) return {};
  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) bare.append(c);
    i += U16_LENGTH(c);
  }
  if (bare.length() > 0 && bare.charAt(bare.length() - 1) == u'.') bare.truncate(bare.length() - 1);
  std::string key;
  bare.toUTF8String(key);
  return key;
}

CalendarNames::CalendarNames(std::string_view language) {
  const std::string code = usable_language(language);
  // The document's language first, so that its reading of a word wins over English's.
  for (const std::string& locale : {code, std::string("en")}) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::DateFormatSymbols symbols{icu::Locale(locale.c_str()), status};
    if (U_FAILURE(status)) continue;
    using Symbols = icu::DateFormatSymbols;
    for (const auto context : {Symbols::FORMAT, Symbols::STANDALONE})
      for (const auto width : {Symbols::WIDE, Symbols::ABBREVIATED}) {
        int32_t count = 0;
        const icu::UnicodeString* names = symbols.getMonths(count, context, width);
        for (int32_t i = 0; i < count && i < 12; ++i) {
          const std::string key = key_of(names[i]);
          if (key.size() < 3) continue;  // too short to tell from other words
          MonthName name{static_cast<int8_t>(i + 1), width == Symbols::ABBREVIATED, starts_with_capital(names[i])};
          auto [entry, added] = months_.emplace(key, name);
          // A word that is both a full and a short name ("mai", "juin") is a full one.
          if (!added && entry->second.month == name.month && !name.abbreviated) entry->second.abbreviated = false;
        }
        int32_t weekday_count = 0;
        const icu::UnicodeString* weekdays = symbols.getWeekdays(weekday_count, context, width);
        for (int32_t i = 1; i < weekday_count && i <= 7; ++i)  // ICU counts from 1 (Sunday)
          if (const std::string key = key_of(weekdays[i]); key.size() >= 3) weekdays_.emplace(key, i - 1);
      }
  }
  for_each_table_row(kTable, [&](size_t line, const TableRow& fields) {
    if (fields.size() < 4)
      throw std::logic_error("date_words.tsv:" + std::to_string(line) + ": expected kind, language, word, value");
    const std::string key = calendar_key(fields[2]);
    if (fields[0] == "month") {
      if (fields[1] == code || fields[1] == "en")
        months_.emplace(key, MonthName{static_cast<int8_t>(std::stoi(std::string(fields[3]))), false, false});
    } else if (fields[0] == "joiner") {
      words_.emplace(key, 'j');
    } else if (fields[0] == "ordinal") {
      words_.emplace(key, 'o');
    } else if (fields[0] == "year") {
      words_.emplace(key, 'y');
    } else if (fields[0] == "caption") {
      words_.emplace(key, 'c');
    } else {
      throw std::logic_error("date_words.tsv:" + std::to_string(line) + ": unknown kind");
    }
  });
}

const MonthName* CalendarNames::month(const std::string& key) const {
  const auto found = months_.find(key);
  return found == months_.end() ? nullptr : &found->second;
}

int CalendarNames::weekday(const std::string& key) const {
  const auto found = weekdays_.find(key);
  return found == weekdays_.end() ? -1 : found->second;
}

bool CalendarNames::is_joiner(const std::string& key) const {
  const auto found = words_.find(key);
  return found != words_.end() && found->second == 'j';
}
bool CalendarNames::is_ordinal(const std::string& key) const {
  const auto found = words_.find(key);
  return found != words_.end() && found->second == 'o';
}
bool CalendarNames::is_year_word(const std::string& key) const {
  const auto found = words_.find(key);
  return found != words_.end() && found->second == 'y';
}
bool CalendarNames::is_caption_word(const std::string& key) const {
  const auto found = words_.find(key);
  return found != words_.end() && found->second == 'c';
}

const CalendarNames& calendar_names(std::string_view language) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<CalendarNames>, std::less<>> cache;
  const std::string code = usable_language(language);
  const std::lock_guard lock(mutex);
  auto& names = cache[code];
  if (!names) names = std::make_unique<CalendarNames>(code);
  return *names;
}

}  // namespace storyline::extract
