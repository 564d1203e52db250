#pragma once
// The embedded store's concerns, each over the one connection of its SqliteStore. Private to
// src/storyline/store: the rest of Storyline sees the interfaces of store.h.
#include "storyline/store/sqlite_connection.h"
#include "storyline/store/store.h"

namespace storyline::store {

class SqliteDocuments final : public Documents {
 public:
  explicit SqliteDocuments(SqliteConnection& connection) : connection_(connection) {}
  UpsertResult upsert(const Document& document) override;
  std::optional<Document> get(const std::string& id) const override;
  std::optional<std::string> ingested_at(const std::string& id) const override;
  bool remove(const std::string& id, std::string* promoted = nullptr) override;
  size_t count() const override;
  void set_expiry(const std::string& id, std::optional<int64_t> unix_seconds) override;
  std::vector<std::string> expired(int64_t now_unix_seconds) const override;
  std::vector<SearchHit> search(const std::string& query, const SearchFilters& filters = {}) const override;
  std::optional<std::string> newest_published(const std::optional<std::string>& not_after = std::nullopt,
                                              size_t skip = 0) const override;
  void for_each(const std::function<void(StoredDocument&&)>& visit) const override;

 private:
  SqliteConnection& connection_;
};

class SqliteFingerprints final : public Fingerprints {
 public:
  explicit SqliteFingerprints(SqliteConnection& connection) : connection_(connection) {}
  void save(const StoredFingerprint& fingerprint) override;
  void for_each(const std::function<void(StoredFingerprint&&)>& visit) const override;
  void set_duplicate_of(const std::string& id, const std::optional<std::string>& original) override;
  std::optional<std::string> duplicate_of(const std::string& id) const override;
  std::optional<std::string> original_of(const std::string& id) const override;

 private:
  SqliteConnection& connection_;
};

class SqliteStories final : public Stories {
 public:
  explicit SqliteStories(SqliteConnection& connection) : connection_(connection) {}
  void move_article_with_copies(const std::string& article_id, const std::optional<std::string>& story_id) override;
  std::optional<std::string> story_of(const std::string& document_id) const override;
  void save(const Story& story) override;
  void remove(const std::string& id) override;
  std::optional<Story> get(const std::string& id) const override;
  std::vector<Story> list(const StoryQuery& query) const override;
  size_t count() const override;
  std::vector<StoryLanguage> languages() const override;
  std::vector<StoryHit> search(const std::string& query, size_t limit = 20) const override;
  void rename_storyline(const std::string& from, const std::string& to) override;
  void save_related_storylines(const std::string& storyline, const std::vector<std::string>& related) override;
  std::vector<std::string> related_storylines(const std::string& storyline) const override;
  void mark_stale(const std::set<std::string>& story_ids) override;
  std::vector<std::string> stale() const override;
  void clear_stale() override;
  std::vector<Document> articles(const std::string& story_id, size_t limit = SIZE_MAX) const override;
  std::vector<StoredCopy> copies_of(const std::vector<std::string>& article_ids, size_t limit = SIZE_MAX) const override;
  std::vector<StoredCopy> copy_publishers(const std::vector<std::string>& article_ids,
                                          size_t limit = SIZE_MAX) const override;
  StoryMemberCounts member_counts(const std::string& story_id) const override;
  std::optional<std::string> last_ingested(const std::string& story_id) const override;
  std::vector<std::string> document_ids(const std::string& story_id) const override;

 private:
  SqliteConnection& connection_;
};

class SqliteSources final : public Sources {
 public:
  explicit SqliteSources(SqliteConnection& connection) : connection_(connection) {}
  SourceAdded add(SourceRecord& source) override;
  std::vector<SourceRecord> all() const override;
  std::optional<SourceRecord> get(int64_t id) const override;
  std::optional<SourceRecord> by_url(const std::string& url) const override;
  bool remove(int64_t id) override;
  std::vector<SourceRecord> due(int64_t now_unix_seconds) const override;
  void save_state(int64_t id, const SourceFetchState& state) override;
  bool item_known(const std::string& item_key) const override;
  void record_item(int64_t source_id, const std::string& item_key, const std::string& document_id) override;

 private:
  SqliteConnection& connection_;
};

}  // namespace storyline::store
