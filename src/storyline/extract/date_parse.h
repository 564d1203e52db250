#pragma once
// Dates as publishers write them, turned into ISO 8601. Used by the HTML metadata extractor, the
// feed reader and the scraped-text extractor.
//
// Output: "YYYY-MM-DD" when only a day is given; "YYYY-MM-DDTHH:MM:SS" when a time is given
// without a zone; "...Z" or "...+HH:MM" when a zone is given. Never invents a time or a zone.
// Impossible dates (2021-02-30, month 13, hour 25) give nullopt.
//
// Understood: ISO 8601 (also with a space, fractions, "+0200"), RFC 822/1123 as in feeds
// ("Sat, 09 Oct 2021 09:07:00 GMT", "EST"), "October 9, 2021", "Wednesday, Oct. 29, 2025",
// "9 Oct 2021", "9. Oktober 2021", "9 de octubre de 2021", "1er janvier 2021", numeric
// "09.10.2021" and "09.10.21" (day first), "2021/10/09", "10/09/2021" (month first, as in US pages, unless the
// first number is above 12 or the caller says the page writes the day first), "2021年10月9日", Unix timestamps (10 or 13
// digits, as UTC). Month names in English, German, French, Spanish, Italian, Portuguese and Dutch, full or abbreviated.
#include <optional>
#include <string>
#include <string_view>

namespace storyline::extract {

// How "10/05/2022" reads: month first in US English, day first nearly everywhere else. Either
// way a first number above 12 is a day, and a second above 12 a day.
enum class SlashDateOrder { kMonthFirst, kDayFirst };

// The first date (with its time and zone when they follow it) in `text`. Words around it are
// ignored ("Published: 9 Oct 2021, 10:30 CEST" works); a date needs a year, a month and a day.
std::optional<std::string> parse_date_to_iso(std::string_view text, SlashDateOrder order = SlashDateOrder::kMonthFirst);

// A date in a URL path such as /2021/10/09/, /2021-10-09-slug or /20211009/; nullopt otherwise.
std::optional<std::string> date_from_url_path(std::string_view url);

}  // namespace storyline::extract
