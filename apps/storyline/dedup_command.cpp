// storyline dedup [PATH|-] : for every document, the earlier document it duplicates, if any.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "commands.h"
#include "document_lines.h"
#include "storyline/dedup/duplicate_index.h"

namespace storyline::cli {
namespace {

struct DedupOptions {
  std::string path = "-";
  double threshold = 0.8;
};

int run_dedup(const DedupOptions& options) {
  dedup::DuplicateOptions index_options;
  index_options.threshold = options.threshold;
  dedup::DuplicateIndex index(index_options);
  std::vector<std::string> ids;
  const auto summary = for_each_document_line("dedup", options.path, [&](Document&& document) {
    const std::string text = document.title.value_or("") + "\n" + document.text.value_or(document.excerpt.value_or(""));
    dedup::Fingerprint fingerprint = index.fingerprint(text);
    const auto match = index.find(fingerprint);
    nlohmann::json line = {{"id", document.id}, {"duplicate_of", nullptr}, {"similarity", nullptr}, {"exact", false}};
    if (match) {
      line["duplicate_of"] = ids[match->existing];
      line["similarity"] = match->similarity;
      line["exact"] = match->exact;
    }
    index.add(std::move(fingerprint));
    ids.push_back(document.id);
    std::cout << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  });
  return summary.unreadable || summary.rejected ? 1 : 0;
}

}  // namespace

Runner add_dedup_command(CLI::App& app) {
  auto options = std::make_shared<DedupOptions>();
  CLI::App* command = app.add_subcommand(
      "dedup",
      "Read documents (JSON Lines) and print for each {\"id\", \"duplicate_of\", \"similarity\", \"exact\"}: the "
      "earlier document it copies (exactly, or as a lightly edited syndicated copy), or null.");
  command->add_option("path", options->path, "Document JSON Lines file; - or nothing for standard input");
  command->add_option("--threshold", options->threshold, "Jaccard similarity of word 5-shingles that makes a duplicate")
      ->check(CLI::Range(0.5, 1.0));
  return [options] { return run_dedup(*options); };
}

}  // namespace storyline::cli
