#pragma once
// The embedded store: SQLite in WAL mode (one file, no server), with a versioned schema. Holds
// every ingested document (and its earlier versions), and full-text search over them (FTS5).
// One DocumentStore per thread; SQLite serialises writers and lets readers run beside them.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "storyline/core/document.h"
#include "storyline/store/search_budget.h"
#include "storyline/store/source_record.h"

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

// A story as stored: what lists, filters and ranks it as columns, the rest (summary bullets,
// quotes, topics, the parts of its heat) as the JSON the pipeline wrote.
struct StoryRecord {
  std::string id;
  std::string storyline_id;
  std::optional<std::string> title;
  std::optional<std::string> category;
  std::optional<std::string> language;
  std::optional<std::string> first_published;
  std::optional<std::string> last_published;
  size_t article_count = 0;
  size_t publisher_count = 0;
  double heat = 0;       // as of the story's last update
  double heat_rank = 0;  // orders stories by heat at any common time
  std::string overview_json = "{}";
  std::string summary_text;  // searchable text of the summary
};

struct StoryQuery {
  std::optional<std::string> category;
  std::optional<std::string> language;
  std::optional<int64_t> since;          // Unix seconds: last_published at or after (its zone counted)
  std::optional<std::string> storyline;  // only this storyline's stories
  size_t limit = 20;
  size_t offset = 0;
};

// A language the stored stories are written in, and how many of them are.
struct StoryLanguage {
  std::string language;  // ISO 639-1, as the stories' `language`
  size_t stories = 0;
};

struct StoryHit {
  StoryRecord story;
  double score = 0.0;  // bm25, lower is better
  std::string snippet;
};

// A copy (exact or near duplicate, found by the dedup stage) of an article in a story: one more
// source of that article, not an article of its own.
struct StoredCopy {
  Document document;
  std::string original_id;  // the article it copies (never itself a copy)
};

// How many documents a story holds: its articles, and the copies folded into them.
struct StoryMemberCounts {
  size_t articles = 0;
  size_t copies = 0;
};

// A stored document and what the store knows of its place among stories.
struct StoredDocument {
  Document document;
  std::optional<std::string> story_id;
  std::optional<std::string> storyline_id;
  std::optional<std::string> duplicate_of;
};

class DocumentStore {
 public:
  // Opens (creating if needed) and migrates the store. Throws std::runtime_error naming the file
  // and what is wrong (not a Storyline store, newer schema than this build, corrupt).
  explicit DocumentStore(const std::string& path);
  ~DocumentStore();
  DocumentStore(const DocumentStore&) = delete;
  DocumentStore& operator=(const DocumentStore&) = delete;

  // Same id and same content: nothing changes. Same id, new content: a new version, the old one
  // kept in document_versions.
  UpsertResult upsert(const Document& document);
  std::optional<Document> get(const std::string& id) const;
  // When the store took in the document's current content (ISO 8601 UTC): its arrival, or its
  // last update; nullopt when not stored. What a feed dates an undated article by.
  std::optional<std::string> ingested_at(const std::string& id) const;
  // Removing an article that has copies makes its first stored copy the article, and the other
  // copies copies of that one: its sources outlive it.
  // `promoted`, when given, receives the copy that became the article in its place ("" when none).
  bool remove(const std::string& id, std::string* promoted = nullptr);
  size_t count() const;

  // Near-duplicate bookkeeping: the fingerprint of each stored document (opaque bytes to the
  // store) and, for a copy, the earlier document it copies.
  struct StoredFingerprint {
    std::string document_id;
    uint64_t exact_hash = 0;
    std::string signature;
    int scheme = 1;  // how it was made (the dedup stage's number); stores before it hold 1
  };
  void save_fingerprint(const StoredFingerprint& fingerprint);
  void for_each_fingerprint(const std::function<void(StoredFingerprint&&)>& visit) const;
  void set_duplicate_of(const std::string& id, const std::optional<std::string>& original);
  std::optional<std::string> duplicate_of(const std::string& id) const;
  // The article `id` is a copy of, or `id` itself when it is no copy; nullopt when not stored.
  std::optional<std::string> original_of(const std::string& id) const;

  // Time to live: the document is removed by purge_expired() once `unix_seconds` has passed.
  void set_expiry(const std::string& id, std::optional<int64_t> unix_seconds);
  // Removes expired documents; returns their ids.
  std::vector<std::string> purge_expired(int64_t now_unix_seconds);

  // Documents whose time to live has passed (what purge_expired() would remove).
  std::vector<std::string> expired(int64_t now_unix_seconds) const;

  // Stories. A document's story; its syndicated copies (duplicate_of it) follow it.
  void set_story_of(const std::string& document_id, const std::optional<std::string>& story_id);
  std::optional<std::string> story_of(const std::string& document_id) const;
  void save_story(const StoryRecord& story);
  void remove_story(const std::string& id);
  // Every story of storyline `from` now belongs to `to` (its relations too).
  void rename_storyline(const std::string& from, const std::string& to);
  // Storylines related to `storyline` as the clusterer sees them now (most similar first):
  // replaces what was saved from its side.
  void save_related_storylines(const std::string& storyline, const std::vector<std::string>& related);
  // Related from either side (a relation saved by the other storyline counts), most similar
  // first, never the storyline itself.
  std::vector<std::string> related_storylines(const std::string& storyline) const;
  // Stories whose records are to be rewritten (schema migration 9): listed in the transaction
  // that makes them stale, so that a run that dies before rewriting them leaves them named.
  void mark_stories_stale(const std::set<std::string>& story_ids);
  std::vector<std::string> stale_stories() const;
  void clear_stale_stories();  // every record is current
  std::optional<StoryRecord> story(const std::string& id) const;
  std::vector<StoryRecord> stories(const StoryQuery& query) const;  // hottest first
  size_t story_count() const;
  // The languages of the stored stories, most stories first (then by code); stories of no known
  // language are left out. What a reader picks the front page's language from.
  std::vector<StoryLanguage> story_languages() const;
  // A story's articles in arrival order, copies left out (they are story_copies); at most
  // `limit`, the newest arrivals.
  std::vector<Document> story_articles(const std::string& story_id, size_t limit = SIZE_MAX) const;
  // The stored copies of these articles, each article's in arrival order; at most `limit` in all.
  std::vector<StoredCopy> copies_of(const std::vector<std::string>& article_ids, size_t limit = SIZE_MAX) const;
  StoryMemberCounts story_member_counts(const std::string& story_id) const;
  // The latest ingested_at of a story's documents: what a feed dates an undated story by.
  std::optional<std::string> story_last_ingested(const std::string& story_id) const;
  // Every document of a story, copies included (the contest's /threads lists each name it was given).
  std::vector<std::string> story_article_ids(const std::string& story_id) const;
  // Every document in arrival order with its story: what rebuilds the clusterer on restart.
  void for_each_document(const std::function<void(StoredDocument&&)>& visit) const;
  // The latest publication time in the store ("now" for ranking a store of old news); with
  // `not_after` (ISO 8601, compared as text), the latest not after it. With `skip`, the time of the
  // article that many places below the newest (the newest when there are fewer).
  std::optional<std::string> newest_published(const std::optional<std::string>& not_after = std::nullopt,
                                              size_t skip = 0) const;
  std::vector<StoryHit> search_stories(const std::string& query, size_t limit = 20) const;

  // Live sources (source_table.cpp). Sources are keyed by their feed URL.
  SourceAdded add_source(SourceRecord& source);  // fills id and added_at; keeps an existing one as it is
  std::vector<SourceRecord> sources() const;     // in the order they were added
  std::optional<SourceRecord> source(int64_t id) const;
  std::optional<SourceRecord> source_by_url(const std::string& url) const;
  bool remove_source(int64_t id);                                         // its fetch state and seen items go with it
  std::vector<SourceRecord> due_sources(int64_t now_unix_seconds) const;  // soonest due first
  void save_source_state(int64_t id, const SourceFetchState& state);
  // Items (by URL, or "id:" and the document id when the item has no URL) already ingested from
  // any source, or stored as a document with that URL: their pages are never fetched again.
  bool item_known(const std::string& item_key) const;
  void record_source_item(int64_t source_id, const std::string& item_key, const std::string& document_id);

  // Full-text search over titles and bodies (FTS5 query syntax: words, "phrases", OR, NOT).
  // Throws std::invalid_argument for a query that is malformed or past search_budget.h's bounds,
  // and SearchTimeout when it runs past filters.time_budget.
  std::vector<SearchHit> search(const std::string& query, const SearchFilters& filters = {}) const;

  // Runs a function inside one transaction (much faster for bulk ingest); rolled back on throw.
  void in_transaction(const std::function<void()>& work);

  // PRAGMA integrity_check: "ok" when the file is sound.
  std::string integrity_check() const;
  int schema_version() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyline::store
