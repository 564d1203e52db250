#pragma once
// How well extract::date_from_context dates undated articles: MEANTIME's four languages with
// each article's dateline as the gold (the function sees the headline and the body, never the
// dateline sentence), and the seeds against SEEDS-EXPECTED.md.
//
// Scores per article: exact (a day answer, the gold day), within a week (a day answer at most 7
// days off), right year (the middle of the answer's range in the gold year), no answer.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "storyline/extract/context_date.h"

namespace storyline::eval {

struct DateTally {
  size_t articles = 0, exact = 0, within_week = 0, right_year = 0;
};

struct DateScores {
  std::string language;
  size_t articles = 0, unanswered = 0;
  DateTally all, firm;                   // firm: the answers day_from_context gives
  std::array<DateTally, 6> by_evidence;  // indexed by extract::DateEvidence
  std::vector<std::string> misses;       // "id: gold -> answer (evidence)", up to the number asked for
};

// Every article of <data>/clustering/meantime/<language>/meantime.conll.gz, the English
// datelines as the gold of all four languages (they are translations; the Dutch datelines
// write "13-Jun-05"). Throws std::runtime_error when a file cannot be read.
DateScores evaluate_meantime_dates(const std::string& data_dir, const std::string& language, size_t max_misses = 0);

struct SeedDate {
  std::string seed;  // file name
  std::string title;
  std::string expected;  // as SEEDS-EXPECTED.md says
  std::optional<extract::ContextDate> found;
  bool agrees = false;       // what the expectation allows, of any answer
  bool firm_agrees = false;  // of the firm answer alone (day_from_context)
};

// The seeds of <shared>/seeds read as `storyline extract` reads them.
std::vector<SeedDate> evaluate_seed_dates(const std::string& shared_dir);

// "2005-06-13", "2005-06" or "2005", as precise as the date is.
std::string describe(const extract::ContextDate& date);

}  // namespace storyline::eval
