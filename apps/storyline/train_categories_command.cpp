// storyline train categories [--data DIR] [--out FILE] : trains the shipped category model.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "storyline/eval/category_corpus.h"
#include "storyline/eval/category_training.h"

namespace storyline::cli {
namespace {

struct TrainCategoriesOptions {
  std::string data = "../shared/data";
  std::string out = "models/categories.model";
  unsigned threads = 2;
  label::TrainingOptions training;  // the defaults make the shipped model
};

int run_train_categories(const TrainCategoriesOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  try {
    std::vector<std::string> missing;
    const eval::CategoryCorpus everything = eval::load_category_corpus(options.data, options.threads, missing);
    for (const auto& problem : missing) std::fprintf(stderr, "train categories: skipped %s\n", problem.c_str());
    const std::vector<label::LabelledText> corpus = eval::shipped_category_training(everything);
    std::array<size_t, label::kCategoryCount> counts{};
    for (const auto& text : corpus) ++counts[static_cast<size_t>(text.category)];
    std::fprintf(stderr, "train categories: %zu documents:", corpus.size());
    for (size_t c = 0; c < label::kCategoryCount; ++c)
      std::fprintf(stderr, " %s %zu", std::string(label::kCategoryNames[c]).c_str(), counts[c]);
    std::fprintf(stderr, "\n");
    label::TrainingOptions training = options.training;
    training.threads = options.threads;
    auto examples = label::training_examples(corpus, training.bucket_bits, options.threads, /*section_dropout=*/true);
    const label::CategoryModel first = label::train_category_model(examples, training);
    // Second round: the stream's unlabelled pages the first model is sure of join the training.
    const auto sure = eval::self_labelled(everything.unlabelled, first, options.threads);
    std::fprintf(stderr, "train categories: self-training adds %zu of %zu unlabelled pages\n", sure.size(),
                 everything.unlabelled.size());
    for (auto& example : label::training_examples(sure, training.bucket_bits, options.threads))
      examples.push_back(std::move(example));
    const label::CategoryModel model = label::train_category_model(examples, training);
    const std::filesystem::path out(options.out);
    if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path());
    model.save(options.out);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "train categories: wrote %s (%ju bytes) in %.1f s\n", options.out.c_str(),
                 static_cast<uintmax_t>(std::filesystem::file_size(out)), seconds);
  } catch (const std::exception& error) {
    std::cerr << "storyline train categories: " << error.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

Runner add_train_categories_command(CLI::App& app) {
  auto options = std::make_shared<TrainCategoriesOptions>();
  CLI::App* train = command_group(app, "train", "Train a model shipped with Storyline from the datasets");
  CLI::App* command = train->add_subcommand(
      "categories",
      "Train the document category model from every labelled set in the data folder, in every language (BBC, "
      "20 Newsgroups, Reuters, ECB+, MasakhaNEWS, SIB-200, Lenta, RIA, ANT, pt-news, French and Reddit headlines, "
      "TNEWS) and from pages of many publishers labelled by the section they were filed under "
      "(src/storyline/label/section_categories.tsv); other languages are read also through the translation lexicon "
      "(models/lexicon.tsv: run `storyline train lexicon` first). Reproducible: the same data always gives the same bytes.");
  command->add_option("--data", options->data, "The datasets folder (default ../shared/data)");
  command->add_option("--out", options->out, "Where to write the model (default models/categories.model)");
  command->add_option("--threads", options->threads,
                      "Threads for reading features (default 2; the model does not depend on it)");
  command->add_option("--epochs", options->training.epochs, "Training epochs (default 8; for experiments)");
  command
      ->add_option("--averaged-orders", options->training.averaged_orders,
                   "Models trained in different example orders and averaged into one")
      ->capture_default_str();
  command->add_option("--l2", options->training.l2, "L2 regularization (default 1e-4; for experiments)");
  return [options, command]() -> int { return command->parsed() ? run_train_categories(*options) : 2; };
}

}  // namespace storyline::cli
