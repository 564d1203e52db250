// storyline eval topics [--data DIR] [--shared DIR] [--misses N]: how well documents' topics name
// their subjects (eval/topic_eval.h) on MEANTIME, the themes through translation, and the seeds'
// topics against SEEDS-EXPECTED.md.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "commands.h"
#include "storyline/eval/topic_eval.h"

namespace storyline::cli {
namespace {

struct EvalTopicsOptions {
  std::string data = "../shared/data";
  std::string shared = "../shared";
  size_t misses = 0;
};

double share(size_t part, size_t whole) { return whole ? static_cast<double>(part) / static_cast<double>(whole) : 0.0; }

void print_scores(const char* label, const eval::TopicScores& scores) {
  std::printf("  %-44s names %4zu  precision %.3f   subjects %4zu  recall %.3f   articles with a theme %.3f\n", label,
              scores.names, scores.precision(), scores.subjects, scores.recall(), share(scores.with_theme, scores.articles));
}

int run_eval_topics(const EvalTopicsOptions& options) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(fs::path(options.data) / "clustering" / "meantime")) {
    std::fprintf(stderr, "storyline eval topics: %s/clustering/meantime is missing; pass --data pointing at shared/data\n",
                 options.data.c_str());
    return 2;
  }
  const eval::TopicEvaluation evaluation = eval::evaluate_meantime_topics(options.data, options.misses);
  std::printf(
      "Document topics on MEANTIME English (120 Wikinews articles; gold: annotated people, organizations and places).\n"
      "precision: name topics that are annotated entities; recall: each article's three most mentioned entities named.\n");
  print_scores("names mentioned twice or in the title (shipped)", evaluation.shipped);
  print_scores("the first four names (no mention counts)", evaluation.first_names);
  for (const std::string& miss : evaluation.misses) std::printf("    not an annotated entity: %s\n", miss.c_str());

  std::printf(
      "Themes through the translation lexicon (MEANTIME translations; the English article's themes as reference):\n");
  for (const std::string language : {"es", "it", "nl"}) {
    const auto agreement = eval::evaluate_meantime_themes(options.data, language);
    std::printf("  %s  articles %zu  with a theme %.3f  of those the English has one for: %zu, agreeing %.3f\n",
                language.c_str(), agreement.articles, share(agreement.with_theme, agreement.articles), agreement.judged,
                share(agreement.agreeing, agreement.judged));
  }

  const fs::path seeds = fs::path(options.shared) / "seeds";
  if (fs::is_directory(seeds)) {
    std::printf("Seeds (SEEDS-EXPECTED.md: topics such as Afghanistan, Taliban, United States, Diplomacy; never AI):\n");
    size_t with_taliban = 0, wrong = 0, documents = 0;
    for (const Document& document : eval::labelled_seeds(options.shared)) {
      ++documents;
      std::string line;
      for (const std::string& topic : document.topics) line += (line.empty() ? "" : ", ") + topic;
      with_taliban += std::find(document.topics.begin(), document.topics.end(), "Taliban") != document.topics.end();
      for (const char* never : {"AI", "Computer Vision"})
        wrong += std::find(document.topics.begin(), document.topics.end(), never) != document.topics.end();
      std::printf("  %-60.60s %s\n", document.title.value_or("").c_str(), line.c_str());
    }
    std::printf("  %zu of %zu name the Taliban; %zu wrong topics (AI, Computer Vision)\n", with_taliban, documents, wrong);
  }
  return 0;
}

}  // namespace

Runner add_eval_topics_command(CLI::App& app) {
  auto options = std::make_shared<EvalTopicsOptions>();
  CLI::App* eval = command_group(app, "eval", "Evaluate a stage against the datasets in ../shared/data and print figures");
  CLI::App* command = eval->add_subcommand(
      "topics", "Documents' topics: names against MEANTIME's annotated entities, themes through translation, the seeds");
  command->add_option("--data", options->data, "The shared data folder")->capture_default_str();
  command->add_option("--shared", options->shared, "The shared folder holding seeds/")->capture_default_str();
  command->add_option("--misses", options->misses, "List up to N name topics that are no annotated entity")
      ->capture_default_str();
  return [options] {
    try {
      return run_eval_topics(*options);
    } catch (const std::exception& error) {
      std::fprintf(stderr, "storyline eval topics: %s\n", error.what());
      return 1;
    }
  };
}

}  // namespace storyline::cli
