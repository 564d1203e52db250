// storyline ingest [--db FILE] PATH... : extract, label, deduplicate, store and cluster into stories.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "commands.h"
#include "input_reading.h"
#include "storyline/core/input_files.h"
#include "storyline/core/ordered_parallel.h"
#include "storyline/core/progress_bar.h"
#include "storyline/pipeline/ingest_pipeline.h"
#include "storyline/store/store.h"

namespace storyline::cli {
namespace {

struct IngestOptions {
  std::string db = "storyline.db";
  std::vector<std::string> paths;
  unsigned threads = 0;
  size_t batch = 500;
};

int run_ingest(const IngestOptions& options) {
  std::unique_ptr<store::Store> store;
  try {
    store = store::open_store(options.db);
  } catch (const std::exception& error) {
    std::cerr << "storyline ingest: " << error.what() << "\n";
    return 2;
  }
  std::unique_ptr<pipeline::IngestPipeline> pipeline_holder;
  try {
    pipeline_holder = std::make_unique<pipeline::IngestPipeline>(*store);
  } catch (const std::exception& error) {
    std::cerr << "storyline ingest: " << options.db << ": " << error.what() << "\n";
    return 1;
  }
  pipeline::IngestPipeline& pipeline = *pipeline_holder;
  const InputFileList list = list_input_files(options.paths);
  bool any_rejected = !list.problems.empty();
  for (const auto& problem : list.problems) std::cerr << "storyline ingest: " << problem << "\n";

  size_t inserted = 0, updated = 0, unchanged = 0, copies = 0;
  // Documents are written in batches of one transaction each: a crash loses at most the open
  // batch, and re-running the same command restores it (ingest is idempotent).
  std::vector<Document> pending;
  const auto flush = [&] {
    if (pending.empty()) return;
    pipeline.in_transaction([&] {
      for (auto& document : pending) {
        const auto outcome = pipeline.add(std::move(document));
        inserted += outcome.outcome == store::UpsertOutcome::kInserted;
        updated += outcome.outcome == store::UpsertOutcome::kUpdated;
        unchanged += outcome.outcome == store::UpsertOutcome::kUnchanged;
        copies += outcome.duplicate_of.has_value() && outcome.outcome != store::UpsertOutcome::kUnchanged;
      }
      pipeline.cluster_pending();
    });
    pending.clear();
  };

  const unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  ProgressBar progress("ingest", list.files.size());
  ordered_parallel_for<InputDocuments>(
      list.files.size(), threads, [&](size_t i) { return read_input_documents(list.files[i]); },
      [&](size_t, InputDocuments&& output) {
        for (const auto& error : output.errors) std::cerr << "storyline ingest: " << error << "\n";
        any_rejected = any_rejected || output.rejected;
        for (auto& document : output.documents) pending.push_back(std::move(document));
        if (pending.size() >= options.batch) flush();
        progress.advance();
      });
  try {
    flush();
  } catch (const std::exception& error) {
    std::cerr << "storyline ingest: " << options.db << ": " << error.what() << "\n";
    return 1;
  }
  std::cerr << "storyline ingest: " << inserted << " new, " << updated << " updated, " << unchanged << " unchanged, "
            << copies << " copies of earlier articles; " << store->documents().count() << " documents in "
            << store->stories().count() << " stories in " << options.db << "\n";
  return any_rejected ? 1 : 0;
}

}  // namespace

Runner add_ingest_command(CLI::App& app) {
  auto options = std::make_shared<IngestOptions>();
  CLI::App* command =
      app.add_subcommand("ingest",
                         "Extract, label, deduplicate and store news inputs in the embedded store. Re-ingesting the same "
                         "article changes nothing; an updated article becomes a new version.");
  command->add_option("paths", options->paths, "Files or directories (read recursively); - for standard input")->required();
  command->add_option("--db", options->db, "The store file")->capture_default_str();
  command->add_option("--threads", options->threads, "Reader threads (default: every core)");
  command->add_option("--batch", options->batch, "Documents per transaction")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  return [options] { return run_ingest(*options); };
}

}  // namespace storyline::cli
