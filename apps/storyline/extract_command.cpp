// storyline extract [--url URL] PATH... : one Document JSON line per article.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "commands.h"
#include "input_reading.h"
#include "storyline/core/document_json.h"
#include "storyline/core/input_files.h"
#include "storyline/core/ordered_parallel.h"
#include "storyline/core/progress_bar.h"
#include "storyline/label/label_document.h"

namespace storyline::cli {
namespace {

struct ExtractOptions {
  std::vector<std::string> paths;
  std::string url;
  unsigned threads = 0;
};

// What one input gave, ready to print.
struct ExtractOutput {
  std::string lines;
  std::vector<std::string> errors;
  bool rejected = false;
};

ExtractOutput extract_one(const std::string& path, const std::string& url) {
  InputDocuments input = read_input_documents(path, url);
  ExtractOutput output{"", std::move(input.errors), input.rejected};
  for (auto& document : input.documents) {
    label::label_document(document);
    output.lines += to_json_line(document);
    output.lines += '\n';
  }
  return output;
}

int run_extract(const ExtractOptions& options) {
  const InputFileList list = list_input_files(options.paths);
  bool any_rejected = !list.problems.empty();
  for (const auto& problem : list.problems) std::cerr << "storyline extract: " << problem << "\n";
  const unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  ProgressBar progress("extract", list.files.size());
  ordered_parallel_for<ExtractOutput>(
      list.files.size(), threads, [&](size_t i) { return extract_one(list.files[i], options.url); },
      [&](size_t, ExtractOutput&& output) {
        std::fwrite(output.lines.data(), 1, output.lines.size(), stdout);
        for (const auto& error : output.errors) std::cerr << "storyline extract: " << error << "\n";
        any_rejected = any_rejected || output.rejected;
        progress.advance();
      });
  std::fflush(stdout);
  return any_rejected ? 1 : 0;
}

}  // namespace

Runner add_extract_command(CLI::App& app) {
  auto options = std::make_shared<ExtractOptions>();
  CLI::App* command = app.add_subcommand(
      "extract",
      "Read news inputs (HTML, gzip, scraped text, front-matter/JSON records, RSS/Atom/JSON feeds) and print one "
      "Document JSON line per article. Formats are detected from content.");
  command->add_option("paths", options->paths, "Files or directories (read recursively); - for standard input")->required();
  command->add_option("--url", options->url, "The page's URL, when the input does not say it");
  command->add_option("--threads", options->threads, "Worker threads (default: every core)");
  return [options] { return run_extract(*options); };
}

}  // namespace storyline::cli
