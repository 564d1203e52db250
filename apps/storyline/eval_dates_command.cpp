// storyline eval dates [--data DIR] [--seeds DIR] [--misses N]: dates of undated articles read
// from their words (extract/context_date.h), on MEANTIME's four languages and on the seeds.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "commands.h"
#include "storyline/eval/date_eval.h"

namespace storyline::cli {
namespace {

struct EvalDatesOptions {
  std::string data = "../shared/data";
  std::string shared = "../shared";
  size_t misses = 0;
};

double share(size_t part, size_t whole) { return whole ? static_cast<double>(part) / static_cast<double>(whole) : 0.0; }

void print_row(const char* label, const eval::DateTally& tally, size_t articles) {
  std::printf("  %-22s %4zu  exact %.3f  within 7 days %.3f  right year %.3f   (of its answers: right year %.3f)\n", label,
              tally.articles, share(tally.exact, articles), share(tally.within_week, articles),
              share(tally.right_year, articles), share(tally.right_year, tally.articles));
}

int run_eval_dates(const EvalDatesOptions& options) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(fs::path(options.data) / "clustering" / "meantime")) {
    std::fprintf(stderr, "storyline eval dates: %s/clustering/meantime is missing; pass --data pointing at shared/data\n",
                 options.data.c_str());
    return 2;
  }
  std::printf(
      "Dates from context on MEANTIME (Wikinews; gold: the dateline sentence, which the function never sees).\n"
      "Rates over all articles; 'firm' = the answers day_from_context gives (dateline, caption, full date).\n");
  for (const std::string language : {"en", "es", "it", "nl"}) {
    const eval::DateScores scores = eval::evaluate_meantime_dates(options.data, language, options.misses);
    std::printf("%s: %zu articles, no answer %.3f\n", language.c_str(), scores.articles,
                share(scores.unanswered, scores.articles));
    print_row("any answer", scores.all, scores.articles);
    print_row("firm answer", scores.firm, scores.articles);
    for (size_t evidence = 0; evidence < scores.by_evidence.size(); ++evidence)
      if (scores.by_evidence[evidence].articles)
        print_row(extract::evidence_name(static_cast<extract::DateEvidence>(evidence)), scores.by_evidence[evidence],
                  scores.articles);
    for (const std::string& miss : scores.misses) std::printf("    wrong year %s\n", miss.c_str());
  }
  if (fs::is_directory(fs::path(options.shared) / "seeds")) {
    std::printf("Seeds without a date of their own (SEEDS-EXPECTED.md):\n");
    size_t agree = 0, firm_agree = 0;
    const auto seeds = eval::evaluate_seed_dates(options.shared);
    for (const auto& seed : seeds) {
      agree += seed.agrees;
      firm_agree += seed.firm_agrees;
      const std::string found = seed.found
                                    ? eval::describe(*seed.found) + " (" + extract::evidence_name(seed.found->evidence) + ")"
                                    : "none";
      std::printf("  %-28s %-6s (firm: %-6s) found %-32s expected %s\n", seed.seed.c_str(), seed.agrees ? "agrees" : "WRONG",
                  seed.firm_agrees ? "agrees" : "WRONG", found.c_str(), seed.expected.c_str());
    }
    std::printf("  %zu of %zu agree; %zu of %zu with the firm answers alone\n", agree, seeds.size(), firm_agree,
                seeds.size());
  }
  return 0;
}

}  // namespace

Runner add_eval_dates_command(CLI::App& app) {
  auto options = std::make_shared<EvalDatesOptions>();
  CLI::App* eval = command_group(app, "eval", "Evaluate a stage against the datasets in ../shared/data and print figures");
  CLI::App* command =
      eval->add_subcommand("dates", "Dates of undated articles read from their text (MEANTIME per language, the seeds)");
  command->add_option("--data", options->data, "The shared data folder")->capture_default_str();
  command->add_option("--shared", options->shared, "The shared folder holding seeds/")->capture_default_str();
  command->add_option("--misses", options->misses, "List up to N articles per language whose year is wrong")
      ->capture_default_str();
  return [options] {
    try {
      return run_eval_dates(*options);
    } catch (const std::exception& error) {
      std::fprintf(stderr, "storyline eval dates: %s\n", error.what());
      return 1;
    }
  };
}

}  // namespace storyline::cli
