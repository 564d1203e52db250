// storyline train lexicon [--data DIR] [--out FILE] : learns the translation lexicon the category
// model reads other languages with (src/storyline/label/translation_lexicon.h).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <string>

#include "commands.h"
#include "storyline/eval/lexicon_training.h"

namespace storyline::cli {
namespace {

struct TrainLexiconOptions {
  std::string data = "../shared/data";
  std::string out = "models/lexicon.tsv";
};

int run_train_lexicon(const TrainLexiconOptions& options) {
  try {
    const std::string folder = (std::filesystem::path(options.data) / "categories" / "sib200").string();
    // SIB-200's test split stays out, so that `eval categories` can score it as never seen.
    const auto sentences = eval::load_sib200_parallel(folder, {"train", "dev"});
    const label::TranslationLexicon lexicon = eval::train_translation_lexicon(sentences);
    std::map<std::string, size_t> per_language;
    for (const auto& translation : lexicon.translations()) ++per_language[translation.language];
    std::fprintf(stderr, "train lexicon: %zu sentence pairs, %zu translations:", sentences.size(), lexicon.size());
    for (const auto& [language, count] : per_language) std::fprintf(stderr, " %s %zu", language.c_str(), count);
    std::fprintf(stderr, "\n");
    const std::filesystem::path out(options.out);
    if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path());
    lexicon.save(options.out);
    std::fprintf(stderr, "train lexicon: wrote %s; retrain the category model with `storyline train categories`\n",
                 options.out.c_str());
  } catch (const std::exception& error) {
    std::cerr << "storyline train lexicon: " << error.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

Runner add_train_lexicon_command(CLI::App& app) {
  auto options = std::make_shared<TrainLexiconOptions>();
  CLI::App* train = command_group(app, "train", "Train a model shipped with Storyline from the datasets");
  CLI::App* command = train->add_subcommand(
      "lexicon",
      "Learn word translations into English from SIB-200's sentences translated into 14 languages (IBM Model 1 both "
      "ways, mutual best pairs), which the category model uses to read languages it has little labelled news in. "
      "Reproducible: the same data always gives the same bytes. Train categories after it.");
  command->add_option("--data", options->data, "The datasets folder (default ../shared/data)");
  command->add_option("--out", options->out, "Where to write the lexicon (default models/lexicon.tsv)");
  return [options, command]() -> int { return command->parsed() ? run_train_lexicon(*options) : 2; };
}

}  // namespace storyline::cli
