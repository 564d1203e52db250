// storyline train entities [--language de] [--data DIR] [--out FILE]: trains the shipped entity
// tagger of a language from its NER set (label/entity_tagger.h).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>

#include "commands.h"
#include "storyline/eval/entity_tagger_training.h"
#include "storyline/eval/ner_corpus.h"

namespace storyline::cli {
namespace {

struct TrainEntitiesOptions {
  std::string language = "de";
  std::string data = "../shared/data";
  std::string out;  // default models/entities-<language>.model
};

int run_train_entities(const TrainEntitiesOptions& options) {
  try {
    namespace fs = std::filesystem;
    // German: GermEval 2014's test split (its train split is not in the data); its dev split is
    // what `storyline eval entities` scores. English is read by the rule-based recognizer, but
    // its tagger can be trained for comparison from CoNLL-2003's train split.
    std::vector<eval::NerSentence> sentences;
    if (options.language == "de")
      sentences = eval::read_germeval_sentences(
          (fs::path(options.data) / "entities" / "germeval2014" / "NER-de-test.tsv.gz").string());
    else if (options.language == "en")
      sentences = eval::read_conll2003_sentences(
          (fs::path(options.data) / "entities" / "conll2003" / "train.txt.gz").string());
    else throw std::runtime_error("no labelled NER set for language '" + options.language + "' (de and en have one)");
    const auto tagged = eval::tagger_sentences(sentences);
    const label::EntityTagger tagger = eval::train_entity_tagger(tagged, options.language);
    const std::string out = options.out.empty() ? "models/entities-" + options.language + ".model" : options.out;
    const fs::path path(out);
    if (path.has_parent_path()) fs::create_directories(path.parent_path());
    tagger.save(out);
    std::fprintf(stderr, "train entities: %zu sentences (%s), wrote %s\n", tagged.size(), options.language.c_str(),
                 out.c_str());
  } catch (const std::exception& error) {
    std::cerr << "storyline train entities: " << error.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

Runner add_train_entities_command(CLI::App& app) {
  auto options = std::make_shared<TrainEntitiesOptions>();
  CLI::App* train = command_group(app, "train", "Train a model shipped with Storyline from the datasets");
  CLI::App* command = train->add_subcommand(
      "entities",
      "Train a language's named-entity tagger (German from GermEval 2014; English, for comparison, from CoNLL-2003). "
      "Reproducible: the same data gives the same file.");
  command->add_option("--language", options->language, "ISO 639-1 code: de (shipped) or en")->capture_default_str();
  command->add_option("--data", options->data, "The datasets folder (default ../shared/data)");
  command->add_option("--out", options->out, "Where to write the model (default models/entities-<language>.model)");
  return [options, command]() -> int { return command->parsed() ? run_train_entities(*options) : 2; };
}

}  // namespace storyline::cli
