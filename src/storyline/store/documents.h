#pragma once
// The stored documents: each one's current content and its earlier versions, its time to live,
// and full-text search over titles and bodies. One concern of the store (store.h).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "storyline/core/document.h"
#include "storyline/store/search_budget.h"

namespace storyline::store {

enum class UpsertOutcome { kInserted, kUpdated, kUnchanged };

struct UpsertResult {
  UpsertOutcome outcome = UpsertOutcome::kUnchanged;
  int version = 1;  // the document's version after the call
};

struct SearchFilters {
  std::optional<int64_t> since;  // Unix seconds: published at or after (the zone of `published` counted)
  std::optional<int64_t> until;  // published before
  std::optional<std::string> domain;
  std::optional<std::string> category;
  std::optional<std::string> language;
  std::optional<std::string> entity;  // an entity's exact text
  size_t limit = 20;
  std::chrono::milliseconds time_budget = kSearchTimeBudget;  // past it: SearchTimeout (search_budget.h)
};

struct SearchHit {
  Document document;
  double score = 0.0;                       // bm25: lower is better, as SQLite reports it
  std::string snippet;                      // with matches wrapped in <b>…</b>
  std::optional<std::string> duplicate_of;  // the article a copy copies (a copy is found as itself too)
};

// A stored document and what the store knows of its place among stories.
struct StoredDocument {
  Document document;
  std::optional<std::string> story_id;
  std::optional<std::string> storyline_id;
  std::optional<std::string> duplicate_of;
};

class Documents {
 public:
  virtual ~Documents() = default;

  // Same id and same content: nothing changes. Same id, new content: a new version, the old one
  // kept. Throws std::invalid_argument for a document without an id.
  virtual UpsertResult upsert(const Document& document) = 0;
  virtual std::optional<Document> get(const std::string& id) const = 0;
  // When the store took in the document's current content (ISO 8601 UTC): its arrival, or its
  // last update; nullopt when not stored. What a feed dates an undated article by.
  virtual std::optional<std::string> ingested_at(const std::string& id) const = 0;
  // Removes a document. Removing an article that has copies makes its first stored copy the
  // article, and the other copies copies of that one: its sources outlive it. `promoted`, when
  // given, receives the copy that became the article in its place ("" when none).
  virtual bool remove(const std::string& id, std::string* promoted = nullptr) = 0;
  virtual size_t count() const = 0;

  // Time to live: the document is listed by expired() once `unix_seconds` has passed (the
  // pipeline removes it, updating its story).
  virtual void set_expiry(const std::string& id, std::optional<int64_t> unix_seconds) = 0;
  virtual std::vector<std::string> expired(int64_t now_unix_seconds) const = 0;

  // Full-text search (FTS5 query syntax: words, "phrases", OR, NOT). Throws std::invalid_argument
  // for a query that is malformed or past search_budget.h's bounds, and SearchTimeout when it runs
  // past filters.time_budget.
  virtual std::vector<SearchHit> search(const std::string& query, const SearchFilters& filters = {}) const = 0;

  // The latest publication time in the store ("now" for ranking a store of old news); with
  // `not_after` (ISO 8601, compared as text), the latest not after it. With `skip`, the time of the
  // article that many places below the newest (the newest when there are fewer).
  virtual std::optional<std::string> newest_published(const std::optional<std::string>& not_after = std::nullopt,
                                                      size_t skip = 0) const = 0;
  // Every document in arrival order with its story: what rebuilds the clusterer on restart.
  virtual void for_each(const std::function<void(StoredDocument&&)>& visit) const = 0;
};

}  // namespace storyline::store
