// storyline eval scraped-text [--data DIR] [--model FILE] : the scraped-text extractor on the
// held-back half of the dataset-derived pages: line-level P/R/F1 of "body", per-document word
// 4-gram P/R/F1 of the extracted body against the gold text, and trafilatura's snippet scores.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "commands.h"
#include "storyline/eval/scraped_text_evaluation.h"

namespace storyline::cli {
namespace {

struct EvalScrapedTextOptions {
  std::string data = "../shared/data";
  std::string model;
  size_t limit = 0;
  bool training_half = false;
  bool pages = false;
  std::string dump;
};

void print_scores(const char* what, const extract::LineScores& scores) {
  std::printf("%-34s P %.3f  R %.3f  F1 %.3f  (TP %.0f FP %.0f FN %.0f)\n", what, scores.precision(), scores.recall(),
              scores.f1(), scores.true_positives, scores.false_positives, scores.false_negatives);
}

int run_eval_scraped_text(const EvalScrapedTextOptions& options) {
  extract::LineModel model;
  try {
    if (options.model.empty()) {
      model = extract::LineModel::builtin();
    } else {
      std::ifstream in(options.model, std::ios::binary);
      if (!in) throw std::runtime_error("cannot read " + options.model);
      std::ostringstream text;
      text << in.rdbuf();
      model = extract::LineModel::parse(text.str());
    }
  } catch (const std::exception& error) {
    std::cerr << "storyline eval scraped-text: " << options.model << ": " << error.what() << "\n";
    return 1;
  }
  extract::DatasetOptions dataset_options;
  dataset_options.training_half = options.training_half;
  dataset_options.held_out_half = !options.training_half;
  if (options.limit) dataset_options.max_pages_per_source = options.limit;
  extract::ScrapedTextDataset dataset;
  try {
    dataset = extract::load_scraped_text_dataset(options.data, dataset_options);
  } catch (const std::exception& error) {
    std::cerr << "storyline eval scraped-text: " << error.what() << "\n";
    return 1;
  }
  for (const auto& problem : dataset.problems) std::cerr << "storyline eval scraped-text: skipped " << problem << "\n";
  if (!options.dump.empty()) {
    std::filesystem::create_directories(options.dump);
    for (const auto& example : dataset.examples) {
      std::string file = example.name;
      std::replace(file.begin(), file.end(), '/', '_');
      std::ofstream(std::filesystem::path(options.dump) / (file + ".txt"), std::ios::binary) << example.text;
    }
  }
  const extract::ScrapedTextScores scores = extract::evaluate_scraped_text(dataset, model, !options.training_half);
  std::printf("scraped-text extractor, %s half: %zu pages, %zu labeled lines (model threshold %.2f)\n",
              options.training_half ? "training" : "held-back", scores.pages, scores.labeled_lines, model.threshold);
  print_scores("line classifier, body lines:", scores.classifier_lines);
  print_scores("extractor, body lines:", scores.extractor_lines);
  std::printf("%-34s P %.3f  R %.3f  F1 %.3f  (%zu pages with a full gold text)\n",
              "document word 4-grams:", scores.mean_precision, scores.mean_recall,
              extract::ScrapedTextScores::f1(scores.mean_precision, scores.mean_recall), scores.gold_text_pages);
  std::printf("%-34s P %.3f  R %.3f  F1 %.3f\n", "  baseline (all visible text):", scores.baseline_precision,
              scores.baseline_recall, extract::ScrapedTextScores::f1(scores.baseline_precision, scores.baseline_recall));
  print_scores("trafilatura snippets:", scores.snippets);
  if (scores.titled_pages)
    std::printf("%-34s same words %.3f, overlapping %.3f  (%zu pages with a gold title)\n",
                "headline:", static_cast<double>(scores.titles_exact) / scores.titled_pages,
                static_cast<double>(scores.titles_overlapping) / scores.titled_pages, scores.titled_pages);
  if (options.pages)
    for (const auto& page : scores.page_scores)
      std::printf("page %-48s P %.3f  R %.3f\n", page.name.c_str(), page.precision, page.recall);
  return 0;
}

}  // namespace

Runner add_eval_scraped_text_command(CLI::App& app) {
  CLI::App* eval = command_group(app, "eval", "Evaluate a stage against the datasets in ../shared/data and print figures");
  auto scraped = std::make_shared<EvalScrapedTextOptions>();
  CLI::App* scraped_command = eval->add_subcommand("scraped-text",
                                                   "The scraped-text extractor on the held-back half of pages derived from "
                                                   "../shared/data/extraction: line and document word-4-gram P/R/F1");
  scraped_command->add_option("--data", scraped->data, "The shared data folder (holding extraction/)");
  scraped_command->add_option("--model", scraped->model, "A model file (default: the compiled-in model)");
  scraped_command->add_option("--limit", scraped->limit, "At most this many pages per dataset (quick runs)");
  scraped_command->add_flag("--training-half", scraped->training_half, "Score the training half instead");
  scraped_command->add_option("--dump-text", scraped->dump, "Write each page's derived scraped text to this folder");
  scraped_command->add_flag("--pages", scraped->pages, "Also print each page's word-4-gram precision and recall");
  return [scraped_command, scraped] {
    if (scraped_command->parsed()) return run_eval_scraped_text(*scraped);
    return 2;
  };
}

}  // namespace storyline::cli
