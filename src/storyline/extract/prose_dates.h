#pragma once
// Dates written in running prose and datelines: "Wednesday, Oct. 29, 2025", "October 29, 2025",
// "29 October 2025", "29. Oktober 2025", "2025-10-29", "29.10.2025", and partial ones without
// a year ("on August 30"). Finding a date is not knowing the publication date: the scraped-text
// extractor decides which, if any, is (see scraped_text_extractor.cpp).
#include <string>
#include <string_view>
#include <vector>

namespace storyline::extract {

struct ProseDate {
  int year = 0;  // 0 when the text gives none (a partial date)
  int month = 0;
  int day = 0;
  size_t offset = 0;  // byte span in the searched text
  size_t length = 0;

  bool has_year() const { return year != 0; }
  // "2025-10-29"; "--08-30" (ISO 8601 without year) for a partial date.
  std::string iso() const;
};

// Every date in `text`, in order of appearance. Only valid calendar dates (years 1900-2199); US
// and European all-numeric forms with slashes are skipped as ambiguous (3/4/2021).
std::vector<ProseDate> find_prose_dates(std::string_view text);

}  // namespace storyline::extract
