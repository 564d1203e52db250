#pragma once
// Ingest: the stages after reading, in order, for each document that arrives: label (entities,
// category), find duplicates (a syndicated copy is kept, marked as a copy of the first, and
// counts as one more source of the original's story), store, cluster into stories and
// storylines, and rewrite the records of the stories that changed (overview, heat). Shared by
// `storyline ingest` and the HTTP server so both do exactly the same.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "storyline/core/document.h"
#include "storyline/store/store.h"

namespace storyline::pipeline {

struct IngestOutcome {
  std::string id;
  store::UpsertOutcome outcome = store::UpsertOutcome::kUnchanged;
  std::optional<std::string> duplicate_of;
};

class IngestPipeline {
 public:
  // Rebuilds the duplicate index and the stories from the store, exactly as they were stored
  // (documents stored before stories existed are clustered now), and rewrites the records a run
  // that did not end cleanly left stale.
  explicit IngestPipeline(store::Store& store);
  ~IngestPipeline();

  // Runs `work` (adds, cluster_pending, removes) in one transaction of the store. When it throws,
  // the store rolls back and the pipeline's memory (duplicate index, stories) is rebuilt from
  // what the store holds, then the error is passed on: a long-running writer never drifts from its
  // database. Use it rather than the store's own in_transaction around the pipeline's calls.
  void in_transaction(const std::function<void()>& work);

  // Not thread-safe: one writer at a time (SQLite has one writer anyway). The document is stored
  // at once; it joins a story at the next cluster_pending(), which the caller runs in the same
  // transaction (documents clustered together do not depend on their order).
  IngestOutcome add(Document document);
  // Clusters the documents added since the last call (their story ids are stored at once) and,
  // unless told to leave it for refresh_stories(), rewrites the records of stories that changed.
  // The HTTP server leaves it for later: a big story's overview costs more than the article.
  // Stories left so are listed in the store in the caller's transaction, so that a run that dies
  // before refresh_stories() has them rewritten when the store is next opened with a pipeline.
  enum class Storys { kRewriteNow, kLater };
  void cluster_pending(Storys records = Storys::kRewriteNow);
  // Clusters the documents added since the last call as one batch and writes their story ids, and
  // leaves the records of the stories that changed for the next cluster_pending() (or
  // refresh_stories()). The clusterer is online, so where a batch ends changes the stories: a
  // writer that takes many writes in one transaction (`worker cluster`) places each write's
  // documents as they come, and so makes the stories one `serve` would have made of the same
  // writes in the same order.
  void place_pending();
  // Rewrites the records of stories changed since they were last written; returns how many.
  // kLater writes their counts, dates, heat and publishers now and keeps the text of a story
  // that has a record (headline, bullets, quotes, topics: the costly part) until the next
  // kRewrite; such stories stay listed as stale in the store till then.
  enum class Texts { kRewrite, kLater };
  size_t refresh_stories(Texts texts = Texts::kRewrite);
  // Whether some record is behind its story: in anything (has_stale_stories), or in its counts
  // and the rest that refresh_stories(kLater) writes (has_stale_counts).
  bool has_stale_stories() const;
  bool has_stale_counts() const;

  // Removes a document (DELETE, time to live) and updates its story. False when unknown.
  bool remove(const std::string& id);
  // Removes every document whose time to live has passed; returns how many.
  size_t purge_expired(int64_t now_unix_seconds);

 private:
  // (Re)builds the memory from the store: the duplicate index, the stories, stale records.
  void load(store::Store& store);

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyline::pipeline
