// The PostgreSQL store's live sources: feeds to poll, their fetch health, the items each gave.
#include "storyline/store/postgres_tables.h"

namespace storyline::store {
namespace {

constexpr const char* kSourceColumns =
    "id, url, name, html_url, category, added_at, last_fetch_at, last_status, last_outcome, etag, last_modified, "
    "consecutive_errors, last_error, last_attempts, items_seen, next_due_at";

SourceRecord source_from_row(const PgResult& result, int row) {
  SourceRecord source;
  source.id = result.integer(row, 0);
  source.url = result.text(row, 1);
  source.name = result.optional_text(row, 2);
  source.html_url = result.optional_text(row, 3);
  source.category = result.optional_text(row, 4);
  source.added_at = result.text(row, 5);
  SourceFetchState& state = source.state;
  state.last_fetch_at = result.optional_integer(row, 6);
  if (const auto status = result.optional_integer(row, 7)) state.last_status = static_cast<int>(*status);
  state.last_outcome = result.optional_text(row, 8);
  state.etag = result.optional_text(row, 9);
  state.last_modified = result.optional_text(row, 10);
  state.consecutive_errors = static_cast<int>(result.integer(row, 11));
  state.last_error = result.optional_text(row, 12);
  state.last_attempts = static_cast<int>(result.integer(row, 13));
  state.items_seen = result.integer(row, 14);
  state.next_due_at = result.integer(row, 15);
  return source;
}

std::vector<SourceRecord> all_rows(const PgResult& result) {
  std::vector<SourceRecord> sources;
  for (int row = 0; row < result.rows(); ++row) sources.push_back(source_from_row(result, row));
  return sources;
}

std::string select_sources(const char* tail) { return std::string("SELECT ") + kSourceColumns + " FROM sources " + tail; }

}  // namespace

SourceAdded PostgresSources::add(SourceRecord& source) {
  const PgResult inserted = connection_.run(
      "INSERT INTO sources (url, name, html_url, category) VALUES ($1, $2, $3, $4) ON CONFLICT (url) DO NOTHING",
      {source.url, source.name, source.html_url, source.category});
  const bool added = inserted.affected() > 0;
  source = *by_url(source.url);
  return added ? SourceAdded::kAdded : SourceAdded::kAlreadyPresent;
}

std::vector<SourceRecord> PostgresSources::all() const { return all_rows(connection_.run(select_sources("ORDER BY id"))); }

std::optional<SourceRecord> PostgresSources::get(int64_t id) const {
  const PgResult result = connection_.run(select_sources("WHERE id = $1"), {pg_number(id)});
  if (result.rows() == 0) return std::nullopt;
  return source_from_row(result, 0);
}

std::optional<SourceRecord> PostgresSources::by_url(const std::string& url) const {
  const PgResult result = connection_.run(select_sources("WHERE url = $1"), {url});
  if (result.rows() == 0) return std::nullopt;
  return source_from_row(result, 0);
}

bool PostgresSources::remove(int64_t id) {
  return connection_.run("DELETE FROM sources WHERE id = $1", {pg_number(id)}).affected() > 0;
}

std::vector<SourceRecord> PostgresSources::due(int64_t now_unix_seconds) const {
  return all_rows(
      connection_.run(select_sources("WHERE next_due_at <= $1 ORDER BY next_due_at, id"), {pg_number(now_unix_seconds)}));
}

void PostgresSources::save_state(int64_t id, const SourceFetchState& state) {
  connection_.run(R"sql(
    UPDATE sources SET last_fetch_at = $1, last_status = $2, last_outcome = $3, etag = $4, last_modified = $5,
      consecutive_errors = $6, last_error = $7, last_attempts = $8, items_seen = $9, next_due_at = $10
    WHERE id = $11
  )sql",
                  {pg_number(state.last_fetch_at),
                   pg_number(state.last_status ? std::optional<int64_t>(*state.last_status) : std::nullopt),
                   state.last_outcome, state.etag, state.last_modified, pg_number(int64_t{state.consecutive_errors}),
                   state.last_error, pg_number(int64_t{state.last_attempts}), pg_number(state.items_seen),
                   pg_number(state.next_due_at), pg_number(id)});
}

bool PostgresSources::item_known(const std::string& item_key) const {
  return connection_
             .run(
                 "SELECT EXISTS (SELECT 1 FROM source_items WHERE item_key = $1) OR "
                 "EXISTS (SELECT 1 FROM documents WHERE url = $1)",
                 {item_key})
             .text(0, 0) == "t";
}

void PostgresSources::record_item(int64_t source_id, const std::string& item_key, const std::string& document_id) {
  connection_.run("INSERT INTO source_items (source_id, item_key, document_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                  {pg_number(source_id), item_key, document_id});
}

}  // namespace storyline::store
