#include "storyline/store/document_store.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "storyline/core/document_json_detail.h"
#include "storyline/core/hash.h"
#include "storyline/store/document_store_impl.h"
#include "storyline/store/schema.h"

namespace storyline::store {

using namespace detail;
namespace {

// PRAGMA application_id marks the file as ours ("STRY"), so a stranger's database is refused.
constexpr int kApplicationId = 0x53545259;

std::string content_hash(const Document& document) {
  // What the article says, not where it was read from: re-reading it from another path or feed
  // changes nothing.
  nlohmann::json value = document_to_json_value(document);
  value.erase("source");
  return hex64(fnv1a64(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
}

}  // namespace

DocumentStore::DocumentStore(const std::string& path) {
  try {
    impl_ = std::make_unique<Impl>(path);
    impl_->path = path;
    auto& db = impl_->db;
    const int application_id = db.execAndGet("PRAGMA application_id").getInt();
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    const bool empty = db.execAndGet("SELECT count(*) FROM sqlite_master").getInt() == 0;
    if (!empty && application_id != kApplicationId)
      throw std::runtime_error("not a Storyline store (it holds other tables); name a new file with --db");
    // WAL: readers never block the writer, and a crash loses nothing that was committed.
    db.exec("PRAGMA journal_mode=WAL");
    // NORMAL in WAL mode: a committed transaction survives the process being killed (it is in the
    // WAL file); only an OS crash or power cut can lose the last commits.
    db.exec("PRAGMA synchronous=NORMAL");
    db.exec("PRAGMA foreign_keys=ON");
    const auto& all = migrations();
    if (version > static_cast<int>(all.size()))
      throw std::runtime_error("the store's schema (version " + std::to_string(version) +
                               ") is newer than this build of storyline understands (" + std::to_string(all.size()) +
                               "); use a newer storyline");
    for (int next = version; next < static_cast<int>(all.size()); ++next) {
      SQLite::Transaction transaction(db);
      db.exec(std::string(all[static_cast<size_t>(next)]));
      db.exec("PRAGMA user_version=" + std::to_string(next + 1));
      db.exec("PRAGMA application_id=" + std::to_string(kApplicationId));
      transaction.commit();
    }
  } catch (const SQLite::Exception& error) {
    throw std::runtime_error(path + ": cannot open the store: " + error.what());
  } catch (const std::runtime_error& error) {
    if (std::string(error.what()).starts_with(path)) throw;
    throw std::runtime_error(path + ": " + error.what());
  }
}

DocumentStore::~DocumentStore() = default;

UpsertResult DocumentStore::upsert(const Document& document) {
  if (document.id.empty()) throw std::invalid_argument("a document needs an id to be stored");
  auto& db = impl_->db;
  const std::string hash = content_hash(document);
  UpsertResult result;
  CachedStatement existing = impl_->statement("SELECT version, content_hash FROM documents WHERE id = ?");
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
        CachedStatement keep = impl_->statement(
            "INSERT OR REPLACE INTO document_versions(id, version, content_hash, json) "
            "SELECT id, version, content_hash, ? FROM documents WHERE id = ?");
        keep.bind(1, dump(document_to_json_value(*previous)));
        keep.bind(2, document.id);
        keep.exec();
      }
    }
    nlohmann::json entities = nlohmann::json::array();
    for (const auto& entity : document.entities) entities.push_back({{"text", entity.text}, {"type", entity.type}});
    const nlohmann::json value = document_to_json_value(document);
    CachedStatement upsert = impl_->statement(R"sql(
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
    upsert.bind(":topics", dump(value.at("topics")));
    upsert.bind(":entities", dump(entities));
    upsert.bind(":images", dump(value.at("images")));
    if (document.is_news) upsert.bind(":is_news", *document.is_news ? 1 : 0);
    else upsert.bind(":is_news");
    bind_optional(upsert, ":section", document.section);
    upsert.bind(":page_types", dump(value.at("page_types")));
    upsert.exec();
    CachedStatement clear = impl_->statement("DELETE FROM document_entities WHERE document_id = ?");
    clear.bind(1, document.id);
    clear.exec();
    CachedStatement add = impl_->statement("INSERT INTO document_entities(document_id, text, type) VALUES (?, ?, ?)");
    for (const auto& entity : document.entities) {
      add.bind(1, document.id);
      add.bind(2, entity.text);
      add.bind(3, entity.type);
      add.exec();
      add.reset();
    }
  };
  if (!impl_->in_transaction) {
    SQLite::Transaction transaction(db);
    write();
    transaction.commit();
  } else {
    write();
  }
  result.outcome = old_version ? UpsertOutcome::kUpdated : UpsertOutcome::kInserted;
  return result;
}

std::optional<Document> DocumentStore::get(const std::string& id) const {
  CachedStatement query = impl_->statement(std::string("SELECT ") + kDocumentColumns + " FROM documents d WHERE d.id = ?");
  query.bind(1, id);
  if (!query.executeStep()) return std::nullopt;
  return document_from_row(query);
}

std::optional<std::string> DocumentStore::ingested_at(const std::string& id) const {
  CachedStatement query = impl_->statement("SELECT ingested_at FROM documents WHERE id = ?");
  query.bind(1, id);
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn(0).getString();
}

bool DocumentStore::remove(const std::string& id, std::string* promoted_copy) {
  if (promoted_copy) promoted_copy->clear();
  CachedStatement erase = impl_->statement("DELETE FROM documents WHERE id = ?");
  erase.bind(1, id);
  if (erase.exec() == 0) return false;
  // Its copies stay: the first becomes the article, the others its copies.
  CachedStatement first_copy = impl_->statement("SELECT id FROM documents WHERE duplicate_of = ? ORDER BY rowid LIMIT 1");
  first_copy.bind(1, id);
  if (!first_copy.executeStep()) return true;
  const std::string promoted = first_copy.getColumn(0).getString();
  first_copy.reset();
  CachedStatement repoint = impl_->statement(
      "UPDATE documents SET duplicate_of = CASE WHEN id = :promoted THEN NULL ELSE :promoted END WHERE duplicate_of = :removed");
  repoint.bind(":promoted", promoted);
  repoint.bind(":removed", id);
  repoint.exec();
  if (promoted_copy) *promoted_copy = promoted;
  return true;
}

size_t DocumentStore::count() const {
  return static_cast<size_t>(impl_->db.execAndGet("SELECT count(*) FROM documents").getInt64());
}

std::vector<SearchHit> DocumentStore::search(const std::string& query_text, const SearchFilters& filters) const {
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
  QueryDeadline deadline(impl_->db.getHandle(), filters.time_budget);
  try {
    CachedStatement query = impl_->statement(sql);
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

void DocumentStore::in_transaction(const std::function<void()>& work) {
  SQLite::Transaction transaction(impl_->db);
  impl_->in_transaction = true;
  try {
    work();
  } catch (...) {
    impl_->in_transaction = false;
    throw;  // the Transaction's destructor rolls back
  }
  impl_->in_transaction = false;
  transaction.commit();
}

void DocumentStore::save_fingerprint(const StoredFingerprint& fingerprint) {
  CachedStatement save = impl_->statement(
      "INSERT OR REPLACE INTO fingerprints(document_id, exact_hash, signature, scheme) VALUES (?, ?, ?, ?)");
  save.bind(1, fingerprint.document_id);
  save.bind(2, static_cast<int64_t>(fingerprint.exact_hash));
  save.bind(3, fingerprint.signature.data(), static_cast<int>(fingerprint.signature.size()));
  save.bind(4, fingerprint.scheme);
  save.exec();
}

void DocumentStore::for_each_fingerprint(const std::function<void(StoredFingerprint&&)>& visit) const {
  // rowid order is insertion order, so a rebuilt index matches the one that was saved.
  CachedStatement query = impl_->statement(
      "SELECT document_id, exact_hash, signature, scheme FROM fingerprints ORDER BY rowid");
  while (query.executeStep()) {
    const SQLite::Column blob = query.getColumn(2);
    visit({query.getColumn(0).getString(), static_cast<uint64_t>(query.getColumn(1).getInt64()),
           std::string(static_cast<const char*>(blob.getBlob()), static_cast<size_t>(blob.getBytes())),
           query.getColumn(3).getInt()});
  }
}

void DocumentStore::set_duplicate_of(const std::string& id, const std::optional<std::string>& original) {
  CachedStatement update = impl_->statement("UPDATE documents SET duplicate_of = ? WHERE id = ?");
  if (original) update.bind(1, *original);
  else update.bind(1);
  update.bind(2, id);
  update.exec();
}

std::optional<std::string> DocumentStore::duplicate_of(const std::string& id) const {
  CachedStatement query = impl_->statement("SELECT duplicate_of FROM documents WHERE id = ?");
  query.bind(1, id);
  if (!query.executeStep()) return std::nullopt;
  return column_optional(query.getColumn(0));
}

std::optional<std::string> DocumentStore::original_of(const std::string& id) const {
  CachedStatement query = impl_->statement("SELECT coalesce(duplicate_of, id) FROM documents WHERE id = ?");
  query.bind(1, id);
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn(0).getString();
}

void DocumentStore::set_expiry(const std::string& id, std::optional<int64_t> unix_seconds) {
  CachedStatement update = impl_->statement("UPDATE documents SET expires_at = ? WHERE id = ?");
  if (unix_seconds) update.bind(1, *unix_seconds);
  else update.bind(1);
  update.bind(2, id);
  update.exec();
}

std::vector<std::string> DocumentStore::purge_expired(int64_t now_unix_seconds) {
  std::vector<std::string> ids = expired(now_unix_seconds);
  for (const auto& id : ids) remove(id);
  return ids;
}

std::string DocumentStore::integrity_check() const { return impl_->db.execAndGet("PRAGMA integrity_check").getString(); }

int DocumentStore::schema_version() const { return impl_->db.execAndGet("PRAGMA user_version").getInt(); }

}  // namespace storyline::store
