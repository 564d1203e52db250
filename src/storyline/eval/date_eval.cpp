#include "storyline/eval/date_eval.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>

#include "storyline/core/iso_day.h"
#include "storyline/eval/meantime_corpus.h"
#include "storyline/extract/date_parse.h"
#include "storyline/ingest/read_documents.h"

namespace storyline::eval {
namespace {

namespace fs = std::filesystem;
using extract::ContextDate;
using extract::DatePrecision;

int year_of(int32_t day) {
  return static_cast<int>(std::chrono::year_month_day{std::chrono::sys_days(std::chrono::days(day))}.year());
}

std::string meantime_path(const std::string& data_dir, const std::string& language) {
  return (fs::path(data_dir) / "clustering" / "meantime" / language / "meantime.conll.gz").string();
}

// The English datelines ("June 13, 2005") by article id, read with the metadata date parser.
std::map<std::string, int32_t> meantime_gold(const std::string& data_dir) {
  std::map<std::string, int32_t> gold;
  for (const MeantimeArticle& article : read_meantime(meantime_path(data_dir, "en")))
    if (const auto iso = extract::parse_date_to_iso(article.dateline))
      if (const auto day = published_day(*iso)) gold[article.id] = *day;
  return gold;
}

void tally(DateTally& tally, const ContextDate& answer, int32_t gold) {
  ++tally.articles;
  const bool day = answer.precision == DatePrecision::kDay;
  tally.exact += day && answer.first_day == gold;
  tally.within_week += day && std::abs(answer.first_day - gold) <= 7;
  tally.right_year += year_of(answer.middle_day()) == year_of(gold);
}

}  // namespace

std::string describe(const ContextDate& date) {
  const std::string iso = day_to_iso(date.first_day);
  switch (date.precision) {
    case DatePrecision::kDay: return iso;
    case DatePrecision::kMonth: return iso.substr(0, 7);
    case DatePrecision::kYear: return iso.substr(0, 4);
  }
  return iso;
}

DateScores evaluate_meantime_dates(const std::string& data_dir, const std::string& language, size_t max_misses) {
  const std::map<std::string, int32_t> gold = meantime_gold(data_dir);
  DateScores scores;
  scores.language = language;
  for (const MeantimeArticle& article : read_meantime(meantime_path(data_dir, language))) {
    const auto truth = gold.find(article.id);
    if (truth == gold.end()) continue;
    ++scores.articles;
    const auto answer = extract::date_from_context(article.title, article.body, language);
    if (!answer) {
      ++scores.unanswered;
      continue;
    }
    tally(scores.all, *answer, truth->second);
    if (answer->is_firm()) tally(scores.firm, *answer, truth->second);
    tally(scores.by_evidence[static_cast<size_t>(answer->evidence)], *answer, truth->second);
    if (year_of(answer->middle_day()) != year_of(truth->second) && scores.misses.size() < max_misses)
      scores.misses.push_back(article.id + ": " + day_to_iso(truth->second) + " -> " + describe(*answer) + " (" +
                              extract::evidence_name(answer->evidence) + ")");
  }
  return scores;
}

std::vector<SeedDate> evaluate_seed_dates(const std::string& shared_dir) {
  // SEEDS-EXPECTED.md, the published column, for the seeds whose input gives no date.
  struct Expectation {
    const char* prefix;
    const char* expected;
    bool (*agrees)(const std::optional<ContextDate>&);
  };
  static const Expectation kExpected[] = {
      {"001", "null (context says July 2021)",
       [](const std::optional<ContextDate>& found) { return !found || year_of(found->middle_day()) == 2021; }},
      {"002", "null or on/after 2025-10-29 (a photo's date)",
       [](const std::optional<ContextDate>& found) {
         return !found || (found->first_day >= *published_day("2025-10-29") && year_of(found->first_day) == 2025);
       }},
      {"003", "2021-08-30 or null",
       [](const std::optional<ContextDate>& found) {
         return !found || (found->precision == DatePrecision::kDay && found->first_day == *published_day("2021-08-30"));
       }},
      {"004", "null (2025 from context)",
       [](const std::optional<ContextDate>& found) { return !found || year_of(found->middle_day()) == 2025; }},
  };
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(shared_dir) / "seeds")) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<SeedDate> results;
  for (const Expectation& expectation : kExpected)
    for (const fs::path& path : files) {
      if (!path.filename().string().starts_with(expectation.prefix)) continue;
      std::ifstream file(path, std::ios::binary);
      const ingest::RawInput input{path.string(),
                                   std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()),
                                   std::nullopt};
      for (const Document& document : ingest::read_documents(input).documents) {
        if (document.published) continue;  // dated by its own metadata: not this function's case
        SeedDate seed{path.filename().string(), document.title.value_or(""), expectation.expected, std::nullopt, false};
        seed.found = extract::date_from_context(document.title.value_or(""), document.text.value_or(""),
                                                document.language.value_or("en"));
        seed.agrees = expectation.agrees(seed.found);
        seed.firm_agrees = expectation.agrees(seed.found && seed.found->is_firm() ? seed.found : std::nullopt);
        results.push_back(seed);
      }
    }
  return results;
}

}  // namespace storyline::eval
