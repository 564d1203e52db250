// storyline eval categories [--data DIR] : accuracy, macro-F1 and confusion matrices of the
// category model on BBC News (fixed stratified 50/50 split), 20 Newsgroups bydate test and
// Reuters-21578 ModApte test.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "storyline/core/model_path.h"
#include "storyline/label/category_corpora.h"
#include "storyline/label/category_metrics.h"
#include "storyline/label/category_training.h"

namespace storyline::cli {
namespace {

// The BBC split's seed: fixed so that every run scores the same halves.
constexpr uint64_t kBbcSplitSeed = 1;

struct EvalCategoriesOptions {
  std::string data = "../shared/data";
  unsigned threads = 2;
  bool matrices = true;
  label::TrainingOptions training;
};

using Examples = std::vector<label::TrainingExample>;

Examples concatenate(std::initializer_list<const Examples*> parts) {
  Examples all;
  for (const Examples* part : parts) all.insert(all.end(), part->begin(), part->end());
  return all;
}

label::ConfusionMatrix score(const label::CategoryModel& model, const Examples& test) {
  label::ConfusionMatrix matrix;
  for (const auto& example : test) matrix.add(example.category, model.predict(example.features));
  return matrix;
}

void report(const std::string& heading, const label::ConfusionMatrix& matrix, bool show_matrix) {
  std::printf("  %-62s documents %5zu  accuracy %.4f  macro-F1 %.4f\n", heading.c_str(), matrix.total(),
              matrix.accuracy(), matrix.macro_f1());
  if (!show_matrix) return;
  std::string table = matrix.table();
  size_t start = 0;
  while (start < table.size()) {
    const size_t end = table.find('\n', start);
    std::printf("      %s\n", table.substr(start, end - start).c_str());
    start = end + 1;
  }
}

int run_eval_categories(const EvalCategoriesOptions& options) {
  namespace fs = std::filesystem;
  const fs::path folder = fs::path(options.data) / "categories";
  const std::string newsgroups = (folder / "20newsgroups-bydate" / "20news-bydate.tar.gz").string();
  const std::string reuters = (folder / "reuters21578" / "reut2-sgm.tar.gz").string();
  const label::TrainingOptions& training = options.training;
  auto features = [&](const std::vector<label::LabelledText>& texts) {
    return label::training_examples(texts, training.bucket_bits, options.threads);
  };
  try {
    const auto bbc_all = label::load_bbc((folder / "bbc-news-2225").string(), false);
    const auto bbc = label::load_bbc((folder / "bbc-news-2225").string(), true);
    const label::TrainTestSplit split = label::stratified_half_split(bbc, kBbcSplitSeed);
    const Examples bbc_train = features(split.train);
    const Examples bbc_test = features(split.test);
    const Examples newsgroups_train = features(label::load_newsgroups(newsgroups, "train"));
    const Examples newsgroups_test = features(label::load_newsgroups(newsgroups, "test"));
    const Examples reuters_train =
        features(label::every_nth(label::load_reuters(reuters, "train"), label::kReutersTrainingStep));
    const Examples reuters_test = features(label::load_reuters(reuters, "test"));
    const Examples ecbplus =
        features(label::load_ecbplus((fs::path(options.data) / "clustering" / "ecbplus" / "ecbplus_docs.jsonl").string()));

    std::printf("Category evaluation (accuracy; macro-F1 over the categories present in the gold labels)\n\n");
    std::printf("BBC News: %zu files, %zu exact-duplicate copies dropped, stratified 50/50 split (seed %ju): "
                "train %zu, test %zu\n",
                bbc_all.size(), bbc_all.size() - bbc.size(), static_cast<uintmax_t>(kBbcSplitSeed),
                split.train.size(), split.test.size());
    const auto bbc_only = label::train_category_model(bbc_train, training);
    report("trained on the BBC train half only", score(bbc_only, bbc_test), options.matrices);
    const auto mixed = label::train_category_model(concatenate({&bbc_train, &newsgroups_train, &reuters_train, &ecbplus}), training);
    report("trained on BBC train half + 20NG train + Reuters train + ECB+", score(mixed, bbc_test), options.matrices);

    std::printf("\n20 Newsgroups bydate test, mapped (%zu posts; Usenet, not news: another publisher and decade)\n",
                newsgroups_test.size());
    const auto newsgroups_only = label::train_category_model(newsgroups_train, training);
    report("trained on 20NG train only", score(newsgroups_only, newsgroups_test), options.matrices);
    // The same examples in the same order as `storyline train categories`: the shipped model.
    const Examples bbc_examples = features(bbc);
    const auto shipped =
        label::train_category_model(concatenate({&bbc_examples, &newsgroups_train, &reuters_train, &ecbplus}), training);
    report("shipped recipe (all BBC + 20NG train + Reuters train + ECB+)", score(shipped, newsgroups_test), options.matrices);
    report("BBC-half-only model (its five categories cannot be right on science/other)",
           score(bbc_only, newsgroups_test), false);

    std::printf("\nReuters-21578 ModApte test (%zu stories of 1987, all economy)\n", reuters_test.size());
    report("shipped recipe", score(shipped, reuters_test), options.matrices);
    report("BBC-half-only model (BBC 2004-05 -> Reuters 1987)", score(bbc_only, reuters_test), false);

    if (const auto path = find_model("categories.model")) {
      const bool same = label::CategoryModel::load(*path) == shipped;
      std::printf("\nThe shipped recipe %s the shipped model file %s\n", same ? "reproduces" : "DIFFERS FROM",
                  path->c_str());
    }
  } catch (const std::exception& error) {
    std::cerr << "storyline eval categories: " << error.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

Runner add_eval_categories_command(CLI::App& app) {
  auto options = std::make_shared<EvalCategoriesOptions>();
  CLI::App* eval = command_group(app, "eval", "Evaluate a stage against the datasets in ../shared/data and print figures");
  CLI::App* command = eval->add_subcommand(
      "categories",
      "Document categories: BBC News (fixed stratified 50/50 split, duplicates removed; models trained on the train "
      "half only), 20 Newsgroups bydate test and Reuters-21578 ModApte test: accuracy, macro-F1, confusion matrices.");
  command->add_option("--data", options->data, "The datasets folder (default ../shared/data)");
  command->add_option("--threads", options->threads, "Threads for reading features (default 2)");
  // For tuning; the shipped model uses the defaults.
  command->add_option("--epochs", options->training.epochs, "Training epochs (default 8)");
  command->add_option("--learning-rate", options->training.learning_rate, "AdaGrad learning rate (default 0.5)");
  command->add_option("--l2", options->training.l2, "L2 regularization (default 1e-4)");
  command->add_option("--balance", options->training.balance, "Balance categories and sources (default true)");
  command->add_flag("!--no-matrices", options->matrices, "Print only the figures, without confusion matrices");
  return [options, command]() -> int { return command->parsed() ? run_eval_categories(*options) : 2; };
}

}  // namespace storyline::cli
