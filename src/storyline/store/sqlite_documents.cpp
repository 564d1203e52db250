// The embedded store's documents: current content, earlier versions, time to live, search.
#include <SQLiteCpp/SQLiteCpp.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "storyline/core/document_json_detail.h"
#include "storyline/store/sqlite_tables.h"
#include "storyline/store/store_rows.h"

namespace storyline::store {

using namespace detail;

UpsertResult SqliteDocuments::upsert(const Document& document) {
  if (document.id.empty()) throw std::invalid_argument("a document needs an id to be stored");
  auto& db = connection_.db;
  const std::string hash = content_hash(document);
  UpsertResult result;
  CachedStatement existing = connection_.statement("SELECT version, content_hash FROM documents WHERE id = ?");
  existing.bind(1, document.id);
  std::optional<int> old_version;
  if (existing.executeStep()) {
    old_version = existing.getColumn(0).getInt();
    if (existing.getColumn(1).getString() == hash) return {UpsertOutcome::kUnchanged, *old_version};
  }
  const auto write = [&] {
    if (old_version) {
      // Keep what the article said before it was updated.
      if (auto previous = get(document.id)) {
        CachedStatement keep = connection_.statement(
            "INSERT OR REPLACE INTO document_versions(id, version, content_hash, json) "
            "SELECT id, version, content_hash, ? FROM documents WHERE id = ?");
        keep.bind(1, version_json(*previous));
        keep.bind(2, document.id);
        keep.exec();
      }
    }
    const DocumentLists lists = document_lists(document);
    CachedStatement upsert = connection_.statement(R"sql(
      INSERT INTO documents(id, version, content_hash, source, url, title, text, excerpt, published, author,
                            site_name, domain, language, category, topics, entities, images, is_news, section, page_types)
      VALUES (:id, :version, :hash, :source, :url, :title, :text, :excerpt, :published, :author,
              :site_name, :domain, :language, :category, :topics, :entities, :images, :is_news, :section, :page_types)
      ON CONFLICT(id) DO UPDATE SET version = excluded.version, content_hash = excluded.content_hash,
        source = excluded.source, url = excluded.url, title = excluded.title, text = excluded.text,
        excerpt = excluded.excerpt, published = excluded.published, author = excluded.author,
        site_name = excluded.site_name, domain = excluded.domain, language = excluded.language,
        category = excluded.category, topics = excluded.topics, entities = excluded.entities,
        images = excluded.images, is_news = excluded.is_news, section = excluded.section,
        page_types = excluded.page_types, ingested_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
    )sql");
    result.version = old_version ? *old_version + 1 : 1;
    upsert.bind(":id", document.id);
    upsert.bind(":version", result.version);
    upsert.bind(":hash", hash);
    upsert.bind(":source", document.source);
    bind_optional(upsert, ":url", document.url);
    bind_optional(upsert, ":title", document.title);
    bind_optional(upsert, ":text", document.text);
    bind_optional(upsert, ":excerpt", document.excerpt);
    bind_optional(upsert, ":published", document.published);
    bind_optional(upsert, ":author", document.author);
    bind_optional(upsert, ":site_name", document.site_name);
    bind_optional(upsert, ":domain", document.domain);
    bind_optional(upsert, ":language", document.language);
    bind_optional(upsert, ":category", document.category);
    upsert.bind(":topics", lists.topics);
    upsert.bind(":entities", lists.entities);
    upsert.bind(":images", lists.images);
    if (document.is_news) upsert.bind(":is_news", *document.is_news ? 1 : 0);
    else upsert.bind(":is_news");
    bind_optional(upsert, ":section", document.section);
    upsert.bind(":page_types", lists.page_types);
    upsert.exec();
    CachedStatement clear = connection_.statement("DELETE FROM document_entities WHERE document_id = ?");
    clear.bind(1, document.id);
    clear.exec();
    CachedStatement add = connection_.statement("INSERT INTO document_entities(document_id, text, type) VALUES (?, ?, ?)");
    for (const auto& entity : document.entities) {
      add.bind(1, document.id);
      add.bind(2, entity.text);
      add.bind(3, entity.type);
      add.exec();
      add.reset();
    }
  };
  if (!connection_.in_transaction) {
    SQLite::Transaction transaction(db);
    write();
    transaction.commit();
  } else {
    write();
  }
  result.outcome = old_version ? UpsertOutcome::kUpdated : UpsertOutcome::kInserted;
  return result;
}

std::optional<Document> SqliteDocuments::get(const std::string& id) const {
  CachedStatement query = connection_.statement(std::string("SELECT ") + kDocumentColumns +
                                                " FROM documents d WHERE d.id = ?");
  query.bind(1, id);
  if (!query.executeStep()) return std::nullopt;
  return document_from_row(query);
}

std::optional<std::string> SqliteDocuments::ingested_at(const std::string& id) const {
  CachedStatement query = connection_.statement("SELECT ingested_at FROM documents WHERE id = ?");
  query.bind(1, id);
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn(0).getString();
}

bool SqliteDocuments::remove(const std::string& id, std::string* promoted_copy) {
  if (promoted_copy) promoted_copy->clear();
  CachedStatement erase = connection_.statement("DELETE FROM documents WHERE id = ?");
  erase.bind(1, id);
  if (erase.exec() == 0) return false;
  // Its copies stay: the first becomes the article, the others its copies.
  CachedStatement first_copy = connection_.statement(
      "SELECT id FROM documents WHERE duplicate_of = ? ORDER BY rowid LIMIT 1");
  first_copy.bind(1, id);
  if (!first_copy.executeStep()) return true;
  const std::string promoted = first_copy.getColumn(0).getString();
  first_copy.reset();
  CachedStatement repoint = connection_.statement(
      "UPDATE documents SET duplicate_of = CASE WHEN id = :promoted THEN NULL ELSE :promoted END WHERE duplicate_of = :removed");
  repoint.bind(":promoted", promoted);
  repoint.bind(":removed", id);
  repoint.exec();
  if (promoted_copy) *promoted_copy = promoted;
  return true;
}

size_t SqliteDocuments::count() const {
  return static_cast<size_t>(connection_.db.execAndGet("SELECT count(*) FROM documents").getInt64());
}

std::vector<SearchHit> SqliteDocuments::search(const std::string& query_text, const SearchFilters& filters) const {
  std::string sql = std::string("SELECT ") + kDocumentColumns +
                    ", bm25(documents_fts, 3.0, 1.0) AS score, "
                    "snippet(documents_fts, 1, '<b>', '</b>', '…', 24), d.duplicate_of "
                    "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
                    "WHERE documents_fts MATCH :query";
  // unixepoch() reads the zone of each stored time ("+03:00"); text would compare local times.
  if (filters.since) sql += " AND unixepoch(d.published) >= :since";
  if (filters.until) sql += " AND unixepoch(d.published) < :until";
  if (filters.domain) sql += " AND d.domain = :domain";
  if (filters.category) sql += " AND d.category = :category";
  if (filters.language) sql += " AND d.language = :language";
  if (filters.entity) sql += " AND d.id IN (SELECT document_id FROM document_entities WHERE text = :entity)";
  sql += " ORDER BY score LIMIT :limit";
  check_search_query(query_text);
  std::vector<SearchHit> hits;
  QueryDeadline deadline(connection_.db.getHandle(), filters.time_budget);
  try {
    CachedStatement query = connection_.statement(sql);
    query.bind(":query", query_text);
    if (filters.since) query.bind(":since", *filters.since);
    if (filters.until) query.bind(":until", *filters.until);
    if (filters.domain) query.bind(":domain", *filters.domain);
    if (filters.category) query.bind(":category", *filters.category);
    if (filters.language) query.bind(":language", *filters.language);
    if (filters.entity) query.bind(":entity", *filters.entity);
    query.bind(":limit", static_cast<int64_t>(filters.limit));
    while (query.executeStep()) {
      SearchHit hit;
      hit.document = document_from_row(query);
      hit.score = query.getColumn(kDocumentColumnCount).getDouble();
      hit.snippet = query.getColumn(kDocumentColumnCount + 1).getString();
      hit.duplicate_of = column_optional(query.getColumn(kDocumentColumnCount + 2));
      hits.push_back(std::move(hit));
    }
  } catch (const SQLite::Exception& error) {
    if (deadline.expired()) throw SearchTimeout(filters.time_budget);
    // FTS5 syntax errors ("unterminated string") are the user's query, not a broken store.
    throw std::invalid_argument(std::string("bad search query: ") + error.what());
  }
  return hits;
}

void SqliteDocuments::set_expiry(const std::string& id, std::optional<int64_t> unix_seconds) {
  CachedStatement update = connection_.statement("UPDATE documents SET expires_at = ? WHERE id = ?");
  if (unix_seconds) update.bind(1, *unix_seconds);
  else update.bind(1);
  update.bind(2, id);
  update.exec();
}

std::vector<std::string> SqliteDocuments::expired(int64_t now_unix_seconds) const {
  std::vector<std::string> ids;
  CachedStatement query = connection_.statement("SELECT id FROM documents WHERE expires_at IS NOT NULL AND expires_at <= ?");
  query.bind(1, now_unix_seconds);
  while (query.executeStep()) ids.push_back(query.getColumn(0).getString());
  return ids;
}

std::optional<std::string> SqliteDocuments::newest_published(const std::optional<std::string>& not_after,
                                                             size_t skip) const {
  // The newest skip + 1 along the index: the last of them, or the first when there are fewer.
  CachedStatement query = connection_.statement(
      not_after ? "SELECT published FROM documents WHERE published IS NOT NULL AND published <= ? "
                  "ORDER BY published DESC LIMIT ?"
                : "SELECT published FROM documents WHERE published IS NOT NULL ORDER BY published DESC LIMIT ?");
  int index = 1;
  if (not_after) query.bind(index++, *not_after);
  query.bind(index, static_cast<int64_t>(skip + 1));
  std::optional<std::string> newest, last;
  size_t rows = 0;
  while (query.executeStep()) {
    last = column_optional(query.getColumn(0));
    if (rows++ == 0) newest = last;
  }
  return rows == skip + 1 ? last : newest;
}

void SqliteDocuments::for_each(const std::function<void(StoredDocument&&)>& visit) const {
  CachedStatement query = connection_.statement(std::string("SELECT ") + kDocumentColumns +
                                                ", d.story_id, s.storyline_id, d.duplicate_of FROM documents d "
                                                "LEFT JOIN stories s ON s.id = d.story_id ORDER BY d.rowid");
  while (query.executeStep()) {
    StoredDocument stored;
    stored.document = document_from_row(query);
    stored.story_id = column_optional(query.getColumn(kDocumentColumnCount));
    stored.storyline_id = column_optional(query.getColumn(kDocumentColumnCount + 1));
    stored.duplicate_of = column_optional(query.getColumn(kDocumentColumnCount + 2));
    visit(std::move(stored));
  }
}

}  // namespace storyline::store
