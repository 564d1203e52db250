// The PostgreSQL store's documents: current content, earlier versions, time to live, search.
#include <algorithm>
#include <stdexcept>

#include "storyline/store/postgres_tables.h"
#include "storyline/store/store_rows.h"

namespace storyline::store {

using namespace detail;

namespace detail {

const char* const kPgDocumentColumns =
    "d.id, d.source, d.url, d.title, d.text, d.excerpt, d.published, d.author, d.site_name, d.domain, d.language, "
    "d.category, d.topics, d.entities, d.images, d.is_news, d.section, d.page_types";

Document postgres_document(const PgResult& result, int row, int first) {
  Document document;
  document.id = result.text(row, first + 0);
  document.source = result.text(row, first + 1);
  document.url = result.optional_text(row, first + 2);
  document.title = result.optional_text(row, first + 3);
  document.text = result.optional_text(row, first + 4);
  document.excerpt = result.optional_text(row, first + 5);
  document.published = result.optional_text(row, first + 6);
  document.author = result.optional_text(row, first + 7);
  document.site_name = result.optional_text(row, first + 8);
  document.domain = result.optional_text(row, first + 9);
  document.language = result.optional_text(row, first + 10);
  document.category = result.optional_text(row, first + 11);
  read_document_lists(document, {result.text(row, first + 12), result.text(row, first + 13), result.text(row, first + 14),
                                 result.text(row, first + 17)});
  if (!result.null(row, first + 15)) document.is_news = result.text(row, first + 15) == "t";
  document.section = result.optional_text(row, first + 16);
  return document;
}

std::string sql_of(std::initializer_list<std::string_view> parts) {
  std::string sql;
  for (const std::string_view part : parts) sql.append(part);
  return sql;
}

void check_postgres_query(std::string_view query) {
  check_search_query(query);
  if (std::count(query.begin(), query.end(), '"') % 2 != 0)
    throw std::invalid_argument("bad search query: unterminated string (a \"phrase\" needs its closing quote)");
}

std::string websearch_query(std::string_view query) {
  std::string result;
  bool in_phrase = false;
  size_t start = 0;
  // Word by word, outside "phrases" only: an operator is a whole word in capitals, as FTS5 has it.
  while (start < query.size()) {
    size_t end = start;
    while (end < query.size() && query[end] != ' ') ++end;
    const std::string_view word = query.substr(start, end - start);
    if (!in_phrase && word == "NOT") result += "-";
    else if (!in_phrase && word == "AND") {
    } else {
      result.append(word);
      if (end < query.size()) result += ' ';
    }
    in_phrase ^= std::count(word.begin(), word.end(), '"') % 2 != 0;
    start = end + 1;
  }
  return result;
}

std::string pg_limit(size_t limit) { return limit >= static_cast<size_t>(INT64_MAX) ? "ALL" : std::to_string(limit); }

void pg_write(PgConnection& connection, const std::function<void()>& work) {
  if (connection.in_transaction) {
    work();
    return;
  }
  connection.exec("BEGIN");
  try {
    work();
  } catch (...) {
    try {
      connection.exec("ROLLBACK");
    } catch (...) {
    }
    throw;
  }
  connection.exec("COMMIT");
}

}  // namespace detail

UpsertResult PostgresDocuments::upsert(const Document& document) {
  if (document.id.empty()) throw std::invalid_argument("a document needs an id to be stored");
  const std::string hash = content_hash(document);
  UpsertResult result;
  std::optional<int> old_version;
  {
    const PgResult existing = connection_.run("SELECT version, content_hash FROM documents WHERE id = $1", {document.id});
    if (existing.rows() > 0) {
      old_version = static_cast<int>(existing.integer(0, 0));
      if (existing.text(0, 1) == hash) return {UpsertOutcome::kUnchanged, *old_version};
    }
  }
  result.version = old_version ? *old_version + 1 : 1;
  pg_write(connection_, [&] {
    if (old_version)
      if (auto previous = get(document.id))
        connection_.run(
            "INSERT INTO document_versions(id, version, content_hash, json) "
            "SELECT id, version, content_hash, $2 FROM documents WHERE id = $1 "
            "ON CONFLICT (id, version) DO UPDATE SET content_hash = excluded.content_hash, json = excluded.json",
            {document.id, version_json(*previous)});
    const DocumentLists lists = document_lists(document);
    std::optional<std::string> is_news;
    if (document.is_news) is_news = *document.is_news ? "true" : "false";
    connection_.run(R"sql(
      INSERT INTO documents(id, version, content_hash, source, url, title, text, excerpt, published, author,
                            site_name, domain, language, category, topics, entities, images, is_news, section, page_types)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
      ON CONFLICT(id) DO UPDATE SET version = excluded.version, content_hash = excluded.content_hash,
        source = excluded.source, url = excluded.url, title = excluded.title, text = excluded.text,
        excerpt = excluded.excerpt, published = excluded.published, author = excluded.author,
        site_name = excluded.site_name, domain = excluded.domain, language = excluded.language,
        category = excluded.category, topics = excluded.topics, entities = excluded.entities,
        images = excluded.images, is_news = excluded.is_news, section = excluded.section,
        page_types = excluded.page_types, ingested_at = storyline_now()
    )sql",
                    {document.id,
                     std::to_string(result.version),
                     hash,
                     document.source,
                     document.url,
                     document.title,
                     document.text,
                     document.excerpt,
                     document.published,
                     document.author,
                     document.site_name,
                     document.domain,
                     document.language,
                     document.category,
                     lists.topics,
                     lists.entities,
                     lists.images,
                     is_news,
                     document.section,
                     lists.page_types});
    connection_.run("DELETE FROM document_entities WHERE document_id = $1", {document.id});
    for (const auto& entity : document.entities)
      connection_.run("INSERT INTO document_entities(document_id, text, type) VALUES ($1, $2, $3)",
                      {document.id, entity.text, entity.type});
  });
  result.outcome = old_version ? UpsertOutcome::kUpdated : UpsertOutcome::kInserted;
  return result;
}

std::optional<Document> PostgresDocuments::get(const std::string& id) const {
  const PgResult result = connection_.run(sql_of({"SELECT ", kPgDocumentColumns, " FROM documents d WHERE d.id = $1"}),
                                          {id});
  if (result.rows() == 0) return std::nullopt;
  return postgres_document(result, 0);
}

std::optional<std::string> PostgresDocuments::ingested_at(const std::string& id) const {
  const PgResult result = connection_.run("SELECT ingested_at FROM documents WHERE id = $1", {id});
  if (result.rows() == 0) return std::nullopt;
  return result.text(0, 0);
}

bool PostgresDocuments::remove(const std::string& id, std::string* promoted_copy) {
  if (promoted_copy) promoted_copy->clear();
  bool removed = false;
  pg_write(connection_, [&] {
    removed = connection_.run("DELETE FROM documents WHERE id = $1", {id}).affected() > 0;
    if (!removed) return;
    // Its copies stay: the first becomes the article, the others its copies.
    const PgResult first = connection_.run("SELECT id FROM documents WHERE duplicate_of = $1 ORDER BY seq LIMIT 1", {id});
    if (first.rows() == 0) return;
    const std::string promoted = first.text(0, 0);
    connection_.run("UPDATE documents SET duplicate_of = CASE WHEN id = $1 THEN NULL ELSE $1 END WHERE duplicate_of = $2",
                    {promoted, id});
    if (promoted_copy) *promoted_copy = promoted;
  });
  return removed;
}

size_t PostgresDocuments::count() const {
  return static_cast<size_t>(connection_.run("SELECT count(*) FROM documents").integer(0, 0));
}

void PostgresDocuments::set_expiry(const std::string& id, std::optional<int64_t> unix_seconds) {
  connection_.run("UPDATE documents SET expires_at = $1 WHERE id = $2", {pg_number(unix_seconds), id});
}

std::vector<std::string> PostgresDocuments::expired(int64_t now_unix_seconds) const {
  const PgResult result =
      connection_.run("SELECT id FROM documents WHERE expires_at IS NOT NULL AND expires_at <= $1 ORDER BY seq",
                      {pg_number(now_unix_seconds)});
  std::vector<std::string> ids;
  for (int row = 0; row < result.rows(); ++row) ids.push_back(result.text(row, 0));
  return ids;
}

std::vector<SearchHit> PostgresDocuments::search(const std::string& query_text, const SearchFilters& filters) const {
  check_postgres_query(query_text);
  // Ranked by ts_rank_cd, negated so that lower is better as with SQLite's bm25; the snippet is
  // ts_headline over the body with the matches in <b>…</b>.
  // The index finds candidates with the query read in every configuration; each is then matched,
  // ranked and cut with the query read in its own language's (one configuration's stop words must
  // not loosen a phrase in another language).
  std::string sql = sql_of({"SELECT ", kPgDocumentColumns,
                            ", -ts_rank_cd(d.search, own.query) AS score, "
                            "ts_headline(storyline_ts_config(d.language), coalesce(d.text, ''), own.query, "
                            "'StartSel=<b>, StopSel=</b>, MaxWords=24, MinWords=12, MaxFragments=1, "
                            "FragmentDelimiter=…'), d.duplicate_of FROM documents d "
                            "CROSS JOIN LATERAL (SELECT websearch_to_tsquery(storyline_ts_config(d.language), $1) "
                            "AS query) own WHERE d.search @@ storyline_ts_query($1) AND d.search @@ own.query"});
  PgParams params = {websearch_query(query_text)};
  const auto add = [&](const char* condition, std::optional<std::string> value) {
    params.push_back(std::move(value));
    sql += std::string(" AND ") + condition + " $" + std::to_string(params.size());
  };
  if (filters.since) add("storyline_unix(d.published) >=", pg_number(*filters.since));
  if (filters.until) add("storyline_unix(d.published) <", pg_number(*filters.until));
  if (filters.domain) add("d.domain =", filters.domain);
  if (filters.category) add("d.category =", filters.category);
  if (filters.language) add("d.language =", filters.language);
  if (filters.entity) {
    params.push_back(filters.entity);
    sql += " AND d.id IN (SELECT document_id FROM document_entities WHERE text = $" + std::to_string(params.size()) + ")";
  }
  sql += " ORDER BY score, d.seq LIMIT " + pg_limit(filters.limit);
  std::vector<SearchHit> hits;
  try {
    pg_write(connection_, [&] {
      // The time budget, enforced by PostgreSQL itself; SET LOCAL ends with the transaction.
      connection_.exec("SET LOCAL statement_timeout = " + std::to_string(filters.time_budget.count()));
      const PgResult result = connection_.run(sql, params);
      for (int row = 0; row < result.rows(); ++row) {
        SearchHit hit;
        hit.document = postgres_document(result, row);
        hit.score = result.real(row, kPgDocumentColumnCount);
        hit.snippet = result.text(row, kPgDocumentColumnCount + 1);
        hit.duplicate_of = result.optional_text(row, kPgDocumentColumnCount + 2);
        hits.push_back(std::move(hit));
      }
      connection_.exec("SET LOCAL statement_timeout = 0");
    });
  } catch (const PgError& error) {
    if (error.state() == "57014") throw SearchTimeout(filters.time_budget);
    throw std::invalid_argument(std::string("bad search query: ") + error.what());
  }
  return hits;
}

std::optional<std::string> PostgresDocuments::newest_published(const std::optional<std::string>& not_after,
                                                               size_t skip) const {
  // The newest skip + 1 along the index: the last of them, or the first when there are fewer.
  const std::string limit = std::to_string(skip + 1);
  const PgResult result = not_after
                              ? connection_.run(
                                    "SELECT published FROM documents WHERE published IS NOT NULL AND published <= $1 "
                                    "ORDER BY published DESC LIMIT " +
                                        limit,
                                    {*not_after})
                              : connection_.run(
                                    "SELECT published FROM documents WHERE published IS NOT NULL ORDER BY published DESC "
                                    "LIMIT " +
                                    limit);
  if (result.rows() == 0) return std::nullopt;
  return result.text(static_cast<size_t>(result.rows()) == skip + 1 ? result.rows() - 1 : 0, 0);
}

void PostgresDocuments::for_each(const std::function<void(StoredDocument&&)>& visit) const {
  // In pages along the arrival order: a store of millions is never one result in memory.
  constexpr int kPage = 2000;
  int64_t after = 0;
  while (true) {
    const PgResult result =
        connection_.run(sql_of({"SELECT ", kPgDocumentColumns,
                                ", d.story_id, s.storyline_id, d.duplicate_of, d.seq FROM documents d "
                                "LEFT JOIN stories s ON s.id = d.story_id WHERE d.seq > $1 ORDER BY d.seq LIMIT ",
                                std::to_string(kPage)}),
                        {pg_number(after)});
    for (int row = 0; row < result.rows(); ++row) {
      StoredDocument stored;
      stored.document = postgres_document(result, row);
      stored.story_id = result.optional_text(row, kPgDocumentColumnCount);
      stored.storyline_id = result.optional_text(row, kPgDocumentColumnCount + 1);
      stored.duplicate_of = result.optional_text(row, kPgDocumentColumnCount + 2);
      after = result.integer(row, kPgDocumentColumnCount + 3);
      visit(std::move(stored));
    }
    if (result.rows() < kPage) return;
  }
}

}  // namespace storyline::store
