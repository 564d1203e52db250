// storyline eval entities [--data DIR] [--misses N]: named entities by name and type per document
// (eval/entity_eval.h) on CoNLL-2003 (English) and GermEval 2014 (German).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "commands.h"
#include "storyline/eval/entity_eval.h"
#include "storyline/eval/entity_tagger_training.h"
#include "storyline/label/entity_recognizer.h"
#include "storyline/label/label_document.h"

namespace storyline::cli {
namespace {

struct EvalEntitiesOptions {
  std::string data = "../shared/data";
  size_t misses = 0;
};

void print_tally(const char* label, const eval::EntityTally& tally) {
  std::printf("  %-28s given %6zu  precision %.3f   gold %6zu  recall %.3f   F1 %.3f\n", label, tally.given,
              tally.precision(), tally.gold, tally.recall(), tally.f1());
}

void print_scores(const std::string& title, const eval::EntityScores& scores) {
  std::printf("%s: %zu documents\n", title.c_str(), scores.documents);
  for (size_t t = 0; t < eval::kScoredEntityTypes.size(); ++t) print_tally(eval::kScoredEntityTypes[t], scores.by_type[t]);
  print_tally("all three, typed", scores.all);
  print_tally("all three, names alone", scores.names);
  for (const std::string& miss : scores.misses) std::printf("    wrong: %s\n", miss.c_str());
}

int run_eval_entities(const EvalEntitiesOptions& options) {
  namespace fs = std::filesystem;
  const fs::path entities = fs::path(options.data) / "entities";
  if (!fs::is_directory(entities)) {
    std::fprintf(stderr, "storyline eval entities: %s is missing; pass --data pointing at shared/data\n",
                 entities.string().c_str());
    return 2;
  }
  std::printf(
      "Named entities by name and type per document (people, organizations, places; a full name finds its short "
      "forms).\n");
  const std::string conll = (entities / "conll2003").string() + "/";
  const std::string germeval = (entities / "germeval2014").string() + "/NER-de-";
  // What documents get (label_entities: the English rules with what the shipped English tagger
  // adds, the German tagger), and each reader alone. The taggers are trained here as `storyline
  // train entities` trains them: on CoNLL's train split; on GermEval's test split (its train split
  // is not in the data), scored on its dev split.
  const auto english_tagger =
      eval::train_entity_tagger(eval::tagger_sentences(eval::read_conll2003_sentences(conll + "train.txt.gz")), "en");
  const auto german_tagger =
      eval::train_entity_tagger(eval::tagger_sentences(eval::read_germeval_sentences(germeval + "test.tsv.gz")), "de");
  auto tagged_by = [](const label::EntityTagger& tagger) {
    return [&tagger](const Document& document) {
      return label::as_entities(tagger.entities(document.text.value_or("")), 1000);
    };
  };
  auto as_labelled = [](const Document& document) {
    Document labelled = document;
    label::label_entities(labelled);
    return labelled.entities;
  };
  for (const char* split : {"valid", "test"}) {
    const auto documents = eval::read_conll2003(conll + split + ".txt.gz");
    const std::string name = std::string("CoNLL-2003 English ") + split + " (Reuters, 1996-97)";
    print_scores(name + ", as documents get them (25 names at most)",
                 eval::score_entities(documents, as_labelled, options.misses));
    print_scores(name + ", the English rules alone", eval::score_recognizer(documents));
    print_scores(name + ", the tagger alone", eval::score_entities(documents, tagged_by(english_tagger)));
  }
  const auto german = eval::read_germeval(germeval + "dev.tsv.gz");
  const std::string name = "GermEval 2014 German dev (sentences of Wikipedia and news)";
  print_scores(name + ", as documents get them (the tagger)", eval::score_entities(german, as_labelled, options.misses));
  print_scores(name + ", the tagger trained here", eval::score_entities(german, tagged_by(german_tagger)));
  print_scores(name + ", the English rules", eval::score_recognizer(german));
  // Languages read by their capitals alone (label/capitalized_names.h): MEANTIME's translations,
  // whose annotation marks only the entities of its events (precision is a floor there).
  for (const char* language : {"es", "it", "nl"}) {
    const auto documents = eval::read_meantime_entities(options.data, language);
    print_scores(std::string("MEANTIME ") + language + " (Wikinews translations; precision a floor), as documents get them",
                 eval::score_entities(documents, as_labelled, options.misses));
  }
  print_scores("MEANTIME en, as documents get them (the English rules)",
               eval::score_entities(eval::read_meantime_entities(options.data, "en"), as_labelled));
  return 0;
}

}  // namespace

Runner add_eval_entities_command(CLI::App& app) {
  auto options = std::make_shared<EvalEntitiesOptions>();
  CLI::App* eval = command_group(app, "eval", "Evaluate a stage against the datasets in ../shared/data and print figures");
  CLI::App* command = eval->add_subcommand("entities",
                                           "Named entities against CoNLL-2003 (English) and GermEval 2014 (German)");
  command->add_option("--data", options->data, "The shared data folder")->capture_default_str();
  command->add_option("--misses", options->misses, "List up to N wrong names per set")->capture_default_str();
  return [options] {
    try {
      return run_eval_entities(*options);
    } catch (const std::exception& error) {
      std::fprintf(stderr, "storyline eval entities: %s\n", error.what());
      return 1;
    }
  };
}

}  // namespace storyline::cli
