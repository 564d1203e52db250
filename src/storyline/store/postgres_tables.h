#pragma once
// The PostgreSQL store's concerns, each over the one connection of its PostgresStore. Private to
// src/storyline/store: the rest of Storyline sees the interfaces of store.h.
#include <initializer_list>
#include <string_view>

#include "storyline/store/postgres_connection.h"
#include "storyline/store/store.h"

namespace storyline::store {

class PostgresDocuments final : public Documents {
 public:
  explicit PostgresDocuments(PgConnection& connection) : connection_(connection) {}
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
  PgConnection& connection_;
};

class PostgresFingerprints final : public Fingerprints {
 public:
  explicit PostgresFingerprints(PgConnection& connection) : connection_(connection) {}
  void save(const StoredFingerprint& fingerprint) override;
  void for_each(const std::function<void(StoredFingerprint&&)>& visit) const override;
  void set_duplicate_of(const std::string& id, const std::optional<std::string>& original) override;
  std::optional<std::string> duplicate_of(const std::string& id) const override;
  std::optional<std::string> original_of(const std::string& id) const override;

 private:
  PgConnection& connection_;
};

class PostgresStories final : public Stories {
 public:
  explicit PostgresStories(PgConnection& connection) : connection_(connection) {}
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
  PgConnection& connection_;
};

class PostgresSources final : public Sources {
 public:
  explicit PostgresSources(PgConnection& connection) : connection_(connection) {}
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
  PgConnection& connection_;
};

namespace detail {

// The columns postgres_document() reads, in its order, from a table aliased `d`.
extern const char* const kPgDocumentColumns;
inline constexpr int kPgDocumentColumnCount = 18;
Document postgres_document(const PgResult& result, int row, int first = 0);
// SQL text from parts, joined. (GCC 12 warns, wrongly, of -Warray-bounds on chains of
// std::string + const char* whose lengths it can see; appending views does not trip it.)
std::string sql_of(std::initializer_list<std::string_view> parts);
// Refuses (std::invalid_argument) what SQLite's FTS5 refuses and PostgreSQL's websearch syntax
// would read leniently, so that both stores answer a bad query alike: an unterminated "phrase.
void check_postgres_query(std::string_view query);
// The query as PostgreSQL's websearch syntax reads it: FTS5's `a NOT b` is `a -b` there and
// `a AND b` is `a b` (words, "phrases" and OR are the same in both).
std::string websearch_query(std::string_view query);
// A limit for SQL from a size (SIZE_MAX: no limit).
std::string pg_limit(size_t limit);
// Runs `work` in a transaction of its own unless one is open (in_transaction()).
void pg_write(PgConnection& connection, const std::function<void()>& work);

}  // namespace detail
}  // namespace storyline::store
