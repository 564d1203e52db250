// storyline eval metadata [--data DIR] [--failures N]: title, date, author and site-name accuracy
// of HTML metadata extraction on the public datasets (see storyline/eval/metadata_eval.h).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "storyline/eval/metadata_eval.h"

namespace storyline::cli {
namespace {

struct EvalMetadataOptions {
  std::string data = "../shared/data";
  size_t failures = 0;
  unsigned threads = 2;
};

void print_field(const char* name, const eval::FieldScore& score) {
  if (score.total == 0) return;
  std::printf("  %-10s %.3f  (%zu / %zu)\n", name, score.accuracy(), score.correct, score.total);
}

void print_scores(const eval::MetadataScores& scores) {
  std::printf("%s: %zu pages with gold", scores.dataset.c_str(), scores.pages);
  if (scores.unreadable) std::printf(", %zu unreadable", scores.unreadable);
  std::printf("\n");
  print_field("title", scores.title);
  print_field("date", scores.date);
  print_field("author", scores.author);
  print_field("site_name", scores.site_name);
  for (const auto& miss : scores.misses)
    std::printf("    miss %-9s %s\n      expected: %s\n      got:      %s\n", miss.field.c_str(), miss.page.c_str(),
                miss.expected.c_str(), miss.got.c_str());
  std::fflush(stdout);
}

int run_eval_metadata(const EvalMetadataOptions& options) {
  namespace fs = std::filesystem;
  const fs::path extraction = fs::path(options.data) / "extraction";
  if (!fs::is_directory(extraction)) {
    std::cerr << "storyline eval metadata: " << extraction.string() << ": no such directory (use --data)\n";
    return 2;
  }
  std::printf(
      "Metadata accuracy. title: equal ignoring case, spaces and punctuation; date: same day; author: same set of "
      "names (readability: every name found is in the gold byline); site_name: equal like titles.\n");
  eval::EvalOptions eval_options;
  eval_options.threads = options.threads;
  eval_options.max_misses_per_field = options.failures;
  print_scores(eval::evaluate_trafilatura((extraction / "trafilatura-eval").string(), eval_options));
  print_scores(eval::evaluate_readability((extraction / "readability-testpages").string(), eval_options));
  print_scores(eval::evaluate_goose3((extraction / "extractor-test-fixtures").string(), eval_options));
  print_scores(eval::evaluate_newspaper4k((extraction / "extractor-test-fixtures").string(), eval_options));
  return 0;
}

}  // namespace

Runner add_eval_metadata_command(CLI::App& app) {
  auto options = std::make_shared<EvalMetadataOptions>();
  // "eval" groups the evaluation commands; each evaluation is one of its subcommands.
  CLI::App* eval = command_group(app, "eval", "Evaluate a stage against the datasets in ../shared/data and print figures");
  CLI::App* command = eval->add_subcommand("metadata", "Accuracy of HTML metadata extraction (title, date, author, site)");
  command->add_option("--data", options->data, "The datasets folder (default ../shared/data)");
  command->add_option("--failures", options->failures, "List up to N misses per field and dataset");
  command->add_option("--threads", options->threads, "Worker threads (default 2)");
  return [options, command] { return command->parsed() ? run_eval_metadata(*options) : 2; };
}

}  // namespace storyline::cli
