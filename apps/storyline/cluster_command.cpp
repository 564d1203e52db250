// storyline cluster [PATH|-] : one {"id", "story", "storyline", "related_storylines"} line per input document, in
// input order (INTERFACE.md).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <unordered_map>

#include "commands.h"

#include "storyline/cluster/document_analysis.h"
#include "storyline/cluster/story_clusterer.h"
#include "storyline/core/document_json.h"
#include "storyline/core/hash.h"
#include "storyline/label/label_document.h"
#include "storyline/pipeline/story_analysis.h"

namespace storyline::cli {
namespace {

struct ClusterOptions {
  std::string path = "-";
  size_t batch = 1000;
  cluster::StoryOptions story;
};

int run_cluster(const ClusterOptions& options) {
  std::ifstream file;
  if (options.path != "-") {
    file.open(options.path, std::ios::binary);
    if (!file) {
      std::cerr << "storyline cluster: " << options.path << ": cannot open\n";
      return 1;
    }
  }
  std::istream& in = options.path == "-" ? std::cin : file;
  const std::string name = options.path == "-" ? "<stdin>" : options.path;

  cluster::StoryClusterer clusterer(options.story);
  cluster::DocumentAnalyzer analyzer(clusterer.vocabulary(), pipeline::story_analysis_options());
  std::vector<cluster::AnalyzedDocument> batch;
  bool any_rejected = false;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      Document document = document_from_json(line);
      // A document without an id still needs a stable one to be named in the output.
      if (document.id.empty()) document.id = hex64(fnv1a64(line));
      // As ingest does before clustering: the people a report names tell two events of one kind
      // apart. The recognizer reads English only, so a record's language is found first.
      if (!document.language || document.language->empty()) document.language = cluster::analysis_language(document);
      label::label_entities(document);
      batch.push_back(analyzer.analyze(document));
    } catch (const std::exception& error) {
      std::cerr << "storyline cluster: " << name << ":" << number << ": " << error.what() << "\n";
      any_rejected = true;
      continue;
    }
    if (batch.size() >= std::max<size_t>(1, options.batch)) clusterer.add_batch(std::exchange(batch, {}));
  }
  if (!batch.empty()) clusterer.add_batch(std::move(batch));
  // Printed at the end: a later repair pass may still merge stories that earlier lines joined.
  std::string out;
  std::unordered_map<std::string, std::string> related_of_storyline;  // its JSON list, found once
  for (size_t i = 0; i < clusterer.documents(); ++i) {
    out += "{\"id\": " +
           nlohmann::json(clusterer.document_id(i)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += ", \"story\": " +
           nlohmann::json(clusterer.story_id(i)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += ", \"storyline\": " +
           nlohmann::json(clusterer.storyline_id(i)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    auto [related, inserted] = related_of_storyline.try_emplace(clusterer.storyline_id(i));
    if (inserted)
      related->second =
          nlohmann::json(clusterer.related_storylines(i)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += ", \"related_storylines\": " + related->second;
    out += "}\n";
    if (out.size() > (1 << 16)) {
      std::cout << out;
      out.clear();
    }
  }
  std::cout << out << std::flush;
  return any_rejected ? 1 : 0;
}

}  // namespace

Runner add_cluster_command(CLI::App& app) {
  auto options = std::make_shared<ClusterOptions>();
  CLI::App* command = app.add_subcommand(
      "cluster",
      "Read documents (Document JSON Lines) and print {\"id\", \"story\", \"storyline\"} for each, in input order: "
      "documents about one event share a story; stories of one developing subject share a storyline.");
  command->add_option("path", options->path, "Document JSON Lines file; - (the default) for standard input");
  command
      ->add_option("--batch", options->batch,
                   "Documents read before they are clustered together; the order inside a batch does not matter")
      ->capture_default_str();
  command
      ->add_option("--same-publisher", options->story.same_publisher_factor,
                   "Factor on a document's similarity to a story of its own publisher")
      ->capture_default_str();
  command
      ->add_option("--cross-language", options->story.cross_language_merge,
                   "Anchor cosine (names keyed across alphabets, numbers, words translated into English) at which "
                   "stories of different languages merge; 0: never")
      ->capture_default_str();
  command
      ->add_option("--concept-share", options->story.concept_share,
                   "Share of words translated into English (against names and numbers) in that anchor cosine")
      ->capture_default_str();
  command
      ->add_option("--min-shared-names", options->story.min_shared_name_anchors,
                   "Names two stories of different languages must share to merge")
      ->capture_default_str();
  command->add_option("--join", options->story.join_threshold, "Similarity at which a document joins a story")
      ->capture_default_str();
  command->add_option("--merge", options->story.merge_threshold, "Similarity at which two stories merge")
      ->capture_default_str();
  command->add_option("--split", options->story.split_threshold, "A story splits when its halves are less similar")
      ->capture_default_str();
  command->add_option("--link", options->story.storylines.link_threshold, "Similarity at which a story joins a storyline")
      ->capture_default_str();
  return [options] { return run_cluster(*options); };
}

}  // namespace storyline::cli
