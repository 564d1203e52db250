#pragma once
// Ingest: the stages after reading, in order, for each document that arrives: label (entities),
// find duplicates (a syndicated copy is kept, marked as a copy of the first), store. Shared by
// `storyline ingest` and the HTTP server so both do exactly the same.
#include <memory>
#include <optional>
#include <string>

#include "storyline/core/document.h"
#include "storyline/store/document_store.h"

namespace storyline::pipeline {

struct IngestOutcome {
  std::string id;
  store::UpsertOutcome outcome = store::UpsertOutcome::kUnchanged;
  std::optional<std::string> duplicate_of;
};

class IngestPipeline {
 public:
  // Rebuilds the duplicate index from the fingerprints already in the store.
  explicit IngestPipeline(store::DocumentStore& store);
  ~IngestPipeline();

  // Not thread-safe: one writer at a time (SQLite has one writer anyway).
  IngestOutcome add(Document document);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyline::pipeline
