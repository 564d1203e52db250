#pragma once
// Every date a text mentions, in any language ICU names months in: full dates ("June 13, 2005",
// "13 июня 2005 года", "el 30 de agosto de 2021", "13.06.2005", "2005-06-13", "2005年6月13日"),
// dates without a year ("on August 30", "Monday, August 30", "Oct.19"), months of a year
// ("in August 2021") and years alone ("in 2001"). Finding them is not choosing one: see
// context_date.h. Unlike prose_dates.h (the scraped-text extractor's, regular expressions over
// English, German, French and Spanish), this reads every language ICU knows and is linear in the
// text.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace storyline::extract {

enum class MentionKind {
  kFullDate,     // year, month and day
  kPartialDate,  // month and day, no year
  kMonthYear,    // month and year, no day
  kYear,         // a year alone (1900-2099, not a quantity)
};

struct DateMention {
  MentionKind kind = MentionKind::kYear;
  int year = 0, month = 0, day = 0;  // 0 where the mention has none
  int weekday = -1;                  // 0 Sunday .. 6 Saturday when a weekday name goes with it
  size_t offset = 0, length = 0;     // bytes in the searched text
  bool opens_line = false;           // the first thing on its line (or in the text)
  bool in_caption = false;           // its line names a photo ("(AP Photo/...)", "Foto:")
};

// Only the first kSearchedBytes of `text` are read: dates that matter sit near the top, and the
// work stays bounded whatever arrives.
inline constexpr size_t kSearchedBytes = 64 * 1024;

// `language` (ISO 639-1) picks the month names besides English; it also says how "05/06/2021"
// reads: month first in English, day first otherwise (a number above 12 decides either way).
std::vector<DateMention> find_date_mentions(std::string_view text, std::string_view language);

}  // namespace storyline::extract
