// The embedded store's live sources: the feeds to poll, the health of their last fetch, and the items each
// has given (so that no item is fetched or ingested twice).
#include <SQLiteCpp/SQLiteCpp.h>

#include "storyline/store/sqlite_tables.h"

namespace storyline::store {

using namespace detail;

namespace {

constexpr const char* kSourceColumns =
    "id, url, name, html_url, category, added_at, last_fetch_at, last_status, last_outcome, etag, last_modified, "
    "consecutive_errors, last_error, last_attempts, items_seen, next_due_at";

SourceRecord source_from_row(SQLite::Statement& row) {
  SourceRecord source;
  source.id = row.getColumn(0).getInt64();
  source.url = row.getColumn(1).getString();
  source.name = column_optional(row.getColumn(2));
  source.html_url = column_optional(row.getColumn(3));
  source.category = column_optional(row.getColumn(4));
  source.added_at = row.getColumn(5).getString();
  SourceFetchState& state = source.state;
  state.last_fetch_at = column_optional_int(row.getColumn(6));
  if (const auto status = column_optional_int(row.getColumn(7))) state.last_status = static_cast<int>(*status);
  state.last_outcome = column_optional(row.getColumn(8));
  state.etag = column_optional(row.getColumn(9));
  state.last_modified = column_optional(row.getColumn(10));
  state.consecutive_errors = row.getColumn(11).getInt();
  state.last_error = column_optional(row.getColumn(12));
  state.last_attempts = row.getColumn(13).getInt();
  state.items_seen = row.getColumn(14).getInt64();
  state.next_due_at = row.getColumn(15).getInt64();
  return source;
}

std::string select_sources(const char* tail) { return std::string("SELECT ") + kSourceColumns + " FROM sources " + tail; }

std::vector<SourceRecord> all_rows(CachedStatement& query) {
  std::vector<SourceRecord> sources;
  while (query.executeStep()) sources.push_back(source_from_row(query));
  return sources;
}

}  // namespace

SourceAdded SqliteSources::add(SourceRecord& source) {
  if (auto existing = by_url(source.url)) {
    source = std::move(*existing);
    return SourceAdded::kAlreadyPresent;
  }
  CachedStatement insert = connection_.statement(
      "INSERT INTO sources (url, name, html_url, category) VALUES (:url, :name, :html, :category)");
  insert.bind(":url", source.url);
  bind_optional(insert, ":name", source.name);
  bind_optional(insert, ":html", source.html_url);
  bind_optional(insert, ":category", source.category);
  insert.exec();
  source = *by_url(source.url);
  return SourceAdded::kAdded;
}

std::vector<SourceRecord> SqliteSources::all() const {
  CachedStatement query = connection_.statement(select_sources("ORDER BY id"));
  return all_rows(query);
}

std::optional<SourceRecord> SqliteSources::get(int64_t id) const {
  CachedStatement query = connection_.statement(select_sources("WHERE id = ?"));
  query.bind(1, id);
  if (!query.executeStep()) return std::nullopt;
  return source_from_row(query);
}

std::optional<SourceRecord> SqliteSources::by_url(const std::string& url) const {
  CachedStatement query = connection_.statement(select_sources("WHERE url = ?"));
  query.bind(1, url);
  if (!query.executeStep()) return std::nullopt;
  return source_from_row(query);
}

bool SqliteSources::remove(int64_t id) {
  CachedStatement erase = connection_.statement("DELETE FROM sources WHERE id = ?");
  erase.bind(1, id);
  return erase.exec() > 0;
}

std::vector<SourceRecord> SqliteSources::due(int64_t now_unix_seconds) const {
  CachedStatement query = connection_.statement(select_sources("WHERE next_due_at <= ? ORDER BY next_due_at, id"));
  query.bind(1, now_unix_seconds);
  return all_rows(query);
}

void SqliteSources::save_state(int64_t id, const SourceFetchState& state) {
  CachedStatement save = connection_.statement(R"sql(
    UPDATE sources SET last_fetch_at = :fetch, last_status = :status, last_outcome = :outcome, etag = :etag,
      last_modified = :modified, consecutive_errors = :errors, last_error = :error, last_attempts = :attempts,
      items_seen = :items, next_due_at = :due
    WHERE id = :id
  )sql");
  bind_optional(save, ":fetch", state.last_fetch_at);
  bind_optional(save, ":status", state.last_status ? std::optional<int64_t>(*state.last_status) : std::nullopt);
  bind_optional(save, ":outcome", state.last_outcome);
  bind_optional(save, ":etag", state.etag);
  bind_optional(save, ":modified", state.last_modified);
  save.bind(":errors", state.consecutive_errors);
  bind_optional(save, ":error", state.last_error);
  save.bind(":attempts", state.last_attempts);
  save.bind(":items", state.items_seen);
  save.bind(":due", state.next_due_at);
  save.bind(":id", id);
  save.exec();
}

bool SqliteSources::item_known(const std::string& item_key) const {
  CachedStatement seen = connection_.statement("SELECT 1 FROM source_items WHERE item_key = ? LIMIT 1");
  seen.bind(1, item_key);
  if (seen.executeStep()) return true;
  CachedStatement stored = connection_.statement("SELECT 1 FROM documents WHERE url = ? LIMIT 1");
  stored.bind(1, item_key);
  return stored.executeStep();
}

void SqliteSources::record_item(int64_t source_id, const std::string& item_key, const std::string& document_id) {
  CachedStatement record = connection_.statement(
      "INSERT OR IGNORE INTO source_items (source_id, item_key, document_id) VALUES (?, ?, ?)");
  record.bind(1, source_id);
  record.bind(2, item_key);
  record.bind(3, document_id);
  record.exec();
}

}  // namespace storyline::store
