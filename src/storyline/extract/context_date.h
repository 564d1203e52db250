#pragma once
// The day an undated article most likely reports on, read from its words (issue 13, item 4):
// undated reports of different years should stay apart. Used for documents whose metadata gives
// no date (scraped text, records without one); a page's own date always wins over this.
//
// What counts, strongest first (context_date.cpp says why):
//   1. a dateline: a full date opening the text or its first line ("WASHINGTON, June 13, 2005 —");
//   2. a photo caption's full date ("... Wednesday, Oct. 29, 2025. (AP Photo/...)");
//   3. the latest full date in the title or text ("13 июня 2005 года", "el 30 de agosto de 2021",
//      "13.06.2005"), with dates that name no year ("on August 30") placed in the year that puts
//      them nearest to a full date;
//   4. without any full date, dates that name no year completed by a year the text names
//      elsewhere ("in August 2021", "since 2001"): weak, as news leaves out the current year and
//      the years it names are mostly other years;
//   5. a month of a year ("in March 2008"): the whole month;
//   6. a year alone: the whole year; weakest.
// `storyline eval dates` measures each on MEANTIME and the seeds.
#include <cstdint>
#include <optional>
#include <string_view>

namespace storyline::extract {

enum class DatePrecision { kDay, kMonth, kYear };

enum class DateEvidence {
  kDateline,      // 1
  kCaption,       // 2
  kFullDate,      // 3: a full date, or a date without year placed near one
  kYearFromText,  // 4: a date without year, the year from elsewhere in the text
  kMonthOfYear,   // 5
  kYearAlone,     // 6
};

struct ContextDate {
  int32_t first_day = 0;  // days since 1970-01-01; the range the date covers, one day or more
  int32_t last_day = 0;
  DatePrecision precision = DatePrecision::kDay;
  DateEvidence evidence = DateEvidence::kDateline;

  int32_t middle_day() const { return first_day + (last_day - first_day) / 2; }
  // Evidence a clusterer can place a document by: a day read from a full date (1-3).
  bool is_firm() const {
    return evidence == DateEvidence::kDateline || evidence == DateEvidence::kCaption || evidence == DateEvidence::kFullDate;
  }
};

// The most likely date of the report in `title` and `text`, or nullopt when the words name no
// date at all. `language` is ISO 639-1 (month names from ICU for it, and English). Dates after
// `not_after` (days since 1970-01-01, e.g. when the document arrived) are ignored: a report
// cannot be dated after it was read. Reads at most kSearchedBytes of the text; never throws on
// text (invalid UTF-8 included).
std::optional<ContextDate> date_from_context(std::string_view title, std::string_view text, std::string_view language,
                                             std::optional<int32_t> not_after = std::nullopt);

// The day alone, when the evidence is firm (ContextDate::is_firm); nullopt otherwise.
std::optional<int32_t> day_from_context(std::string_view title, std::string_view text, std::string_view language,
                                        std::optional<int32_t> not_after = std::nullopt);

const char* evidence_name(DateEvidence evidence);

}  // namespace storyline::extract
