// storyline eval quotes [--data DIR] [--split dev|train] [--misses N] : who said what
// (summarize/quote_finder.h) against PolNeAR's attributions: quotes found and speakers named
// right, for direct quotations and reported speech, per publisher and over all.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "commands.h"
#include "storyline/eval/quote_eval.h"

namespace storyline::cli {
namespace {

struct EvalQuotesOptions {
  std::string data = "../shared/data";
  std::string split = "dev";
  size_t misses = 0;
  size_t unfound = 0;  // gold direct quotes not found, printed
};

double ratio(size_t part, size_t whole) { return whole ? static_cast<double>(part) / static_cast<double>(whole) : 0.0; }

void print_counts(const std::string& label, const eval::QuoteCounts& counts) {
  std::printf(
      "  %-22s quotes P %.3f R %.3f (found %zu, gold %zu)   speakers P %.3f R %.3f (judged %zu found, %zu gold; %zu gold sources are pronouns)\n",
      label.c_str(), ratio(counts.found_matched, counts.found), ratio(counts.gold_found, counts.gold), counts.found,
      counts.gold, ratio(counts.speaker_right, counts.speaker_judged), ratio(counts.gold_right, counts.gold_judged),
      counts.speaker_judged, counts.gold_judged, counts.gold_pronoun);
}

int run_eval_quotes(const EvalQuotesOptions& options) {
  const std::string folder = options.data + "/quotes/polnear";
  if (!std::filesystem::is_directory(folder)) {
    std::fprintf(stderr, "storyline eval quotes: %s is missing; pass --data pointing at shared/data\n", folder.c_str());
    return 2;
  }
  eval::QuoteEvaluation evaluation;
  try {
    evaluation = eval::evaluate_quotes(folder, options.split);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "storyline eval quotes: %s\n", error.what());
    return 1;
  }
  size_t misses_shown = 0, unfound_shown = 0;
  for (const eval::ArticleQuotes& result : evaluation.results) {
    const eval::PolnearArticle& article = *result.article;
    const auto& found = result.found;
    for (size_t g = 0; g < article.attributions.size() && unfound_shown < options.unfound; ++g) {
      const auto one = eval::score_quotes(article.text, {article.attributions[g]}, found);
      if (one.direct.gold == 1 && one.direct.gold_found == 0) {
        const auto& a = article.attributions[g];
        const size_t from = a.content.front().begin >= 120 ? a.content.front().begin - 120 : 0;
        const size_t to = std::min(article.text.size(), a.content.back().end + 120);
        std::string context = article.text.substr(from, to - from);
        for (char& c : context)
          if (c == '\n') c = ' ';
        std::printf("unfound %s [%s]: ...%s...\n", article.name.c_str(), a.source_text.c_str(), context.c_str());
        ++unfound_shown;
      }
    }
    for (const auto& quote : found) {
      if (misses_shown >= options.misses) break;
      const auto one = eval::score_quotes(article.text, article.attributions, {quote});
      const auto& counts = quote.reported ? one.reported : one.direct;
      if (counts.speaker_judged == 1 && counts.speaker_right == 0) {
        std::printf("miss %s: \"%.80s\" credited to \"%s\"\n", article.name.c_str(), quote.text.c_str(),
                    quote.speaker.c_str());
        ++misses_shown;
      }
    }
  }
  const auto& all = evaluation.all;
  const auto& articles = evaluation.articles;
  const auto& by_publisher = evaluation.by_publisher;
  std::printf(
      "Who said what on PolNeAR %s (%zu articles, 7 publishers; one annotator per article): summarize::find_quotes\n",
      options.split.c_str(), articles.size());
  std::printf("against the attributions; a gold quote is direct when most of its content is in quotation marks.\n");
  print_counts("direct, all", all.direct);
  print_counts("reported, all", all.reported);
  for (const auto& [publisher, scores] : by_publisher) print_counts("direct, " + publisher, scores.direct);
  return 0;
}

}  // namespace

Runner add_eval_quotes_command(CLI::App& app) {
  auto options = std::make_shared<EvalQuotesOptions>();
  CLI::App* eval = command_group(app, "eval", "Evaluate a stage against the datasets in ../shared/data and print figures");
  CLI::App* command = eval->add_subcommand(
      "quotes",
      "Who said what (quotes and their speakers) against PolNeAR's attributions: precision and recall for direct quotations and reported speech, per publisher");
  command->add_option("--data", options->data, "The shared data folder")->capture_default_str();
  command->add_option("--split", options->split, "PolNeAR's split: dev (the default) or train")
      ->check(CLI::IsMember({"dev", "train"}))
      ->capture_default_str();
  command->add_option("--misses", options->misses, "Also print this many quotes credited to the wrong speaker");
  command->add_option("--unfound", options->unfound, "Also print this many direct quotations of the gold not found");
  return [options, command]() -> int { return command->parsed() ? run_eval_quotes(*options) : 2; };
}

}  // namespace storyline::cli
