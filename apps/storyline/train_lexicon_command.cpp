// storyline train lexicon [--data DIR] [--out FILE] : learns the translation lexicon the category
// model reads other languages with (src/storyline/label/translation_lexicon.h).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "storyline/eval/shipped_lexicon.h"

namespace storyline::cli {
namespace {

struct TrainLexiconOptions {
  eval::LexiconSources sources;
  std::string out = "models/lexicon.tsv";
  bool no_dictionaries = false;
};

int run_train_lexicon(TrainLexiconOptions options) {
  try {
    options.sources.use_dictionaries = !options.no_dictionaries;
    std::vector<eval::DictionaryReport> report;
    const label::TranslationLexicon lexicon = eval::train_shipped_lexicon(options.sources, &report);
    for (const auto& line : report)
      std::fprintf(stderr, "train lexicon: %s (%s): %zu entries, %zu translations\n", line.name.c_str(),
                   line.language.c_str(), line.entries, line.translations);
    std::map<std::string, size_t> per_language;
    for (const auto& translation : lexicon.translations()) ++per_language[translation.language];
    std::fprintf(stderr, "train lexicon: %zu translations:", lexicon.size());
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
      "ways, mutual best pairs), filled in from Debian's bilingual dictionaries, which the category model uses to "
      "read languages it has little labelled news in. "
      "Reproducible: the same data always gives the same bytes. Train categories after it.");
  command->add_option("--data", options->sources.data, "The datasets folder (default ../shared/data)");
  command->add_option("--out", options->out, "Where to write the lexicon (default models/lexicon.tsv)");
  command->add_option("--dictionaries", options->sources.dictionaries,
                      "The dictd dictionaries folder (default /usr/share/dictd): their words fill what the "
                      "sentences do not teach");
  command->add_option("--wordnet", options->sources.wordnet,
                      "WordNet's folder (default /usr/share/wordnet): its counts rank equal English translations");
  command->add_flag("--no-dictionaries", options->no_dictionaries, "Learn from the sentences alone");
  return [options, command]() -> int { return command->parsed() ? run_train_lexicon(*options) : 2; };
}

}  // namespace storyline::cli
