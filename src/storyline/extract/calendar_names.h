#pragma once
// The words of dates in running text, per language: month and weekday names from ICU's calendar
// data (icu::DateFormatSymbols: format and standalone forms, wide and abbreviated, so Russian
// "июня" as well as "июнь"), and the joiners, ordinal suffixes, year words and caption words of
// date_words.tsv. English is always known besides the document's language: pages quote dates in
// English, and a language label can be wrong.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace storyline::extract {

struct MonthName {
  int8_t month = 0;          // 1-12
  bool abbreviated = false;  // "Aug", "févr": a looser word, trusted only with a point or a year
  bool capitalised = false;  // the language writes it with a capital ("June", "Juni"): then so must the text
};

class CalendarNames {
 public:
  explicit CalendarNames(std::string_view language);

  // `key` is a word as calendar_key() makes it. nullptr / -1 / false when it is none.
  const MonthName* month(const std::string& key) const;
  int weekday(const std::string& key) const;  // 0 Sunday .. 6 Saturday
  bool is_joiner(const std::string& key) const;
  bool is_ordinal(const std::string& key) const;
  bool is_year_word(const std::string& key) const;
  bool is_caption_word(const std::string& key) const;

 private:
  std::unordered_map<std::string, MonthName> months_;
  std::unordered_map<std::string, int> weekdays_;
  std::unordered_map<std::string, char> words_;  // joiner 'j', ordinal 'o', year 'y', caption 'c'
};

// The names for `language` (ISO 639-1; anything else reads as English), built once per language.
const CalendarNames& calendar_names(std::string_view language);

// A word as the tables key it: case-folded, accents and other combining marks removed, a final
// point dropped ("Févr." -> "fevr"). Words over 40 bytes give "" (no date word is that long).
std::string calendar_key(std::string_view word);

}  // namespace storyline::extract
