// The PostgreSQL store's stories: documents' story ids, story records and their search, storylines
// and their relations, the records left to rewrite, and the documents of a story.
#include <algorithm>
#include <stdexcept>

#include "storyline/core/story_overview_json.h"
#include "storyline/store/postgres_tables.h"

namespace storyline::store {

using namespace detail;

namespace {

constexpr const char* kStoryColumns =
    "s.id, s.storyline_id, s.title, s.category, s.language, s.first_published, s.last_published, s.article_count, "
    "s.publisher_count, s.heat, s.heat_rank, s.overview, s.summary";
constexpr int kStoryColumnCount = 13;

Story story_from_row(const PgResult& result, int row) {
  Story story;
  story.id = result.text(row, 0);
  story.storyline_id = result.text(row, 1);
  story.title = result.optional_text(row, 2);
  story.category = result.optional_text(row, 3);
  story.language = result.optional_text(row, 4);
  story.first_published = Timestamp::parse(result.optional_text(row, 5));
  story.last_published = Timestamp::parse(result.optional_text(row, 6));
  story.article_count = static_cast<size_t>(result.integer(row, 7));
  story.publisher_count = static_cast<size_t>(result.integer(row, 8));
  story.heat = result.real(row, 9);
  story.heat_rank = result.real(row, 10);
  story.overview = story_overview_from_json(result.text(row, 11));
  story.summary_text = result.text(row, 12);
  return story;
}

std::vector<Story> story_rows(const PgResult& result) {
  std::vector<Story> stories;
  for (int row = 0; row < result.rows(); ++row) stories.push_back(story_from_row(result, row));
  return stories;
}

std::vector<std::string> first_column(const PgResult& result) {
  std::vector<std::string> values;
  for (int row = 0; row < result.rows(); ++row) values.push_back(result.text(row, 0));
  return values;
}

}  // namespace

void PostgresStories::move_article_with_copies(const std::string& article_id, const std::optional<std::string>& story_id) {
  connection_.run("UPDATE documents SET story_id = $1 WHERE id = $2 OR duplicate_of = $2", {story_id, article_id});
}

std::optional<std::string> PostgresStories::story_of(const std::string& document_id) const {
  const PgResult result = connection_.run("SELECT story_id FROM documents WHERE id = $1", {document_id});
  if (result.rows() == 0) return std::nullopt;
  return result.optional_text(0, 0);
}

void PostgresStories::save(const Story& story) {
  connection_.run(R"sql(
    INSERT INTO stories(id, storyline_id, title, category, language, first_published, last_published,
                        article_count, publisher_count, heat, heat_rank, overview, summary)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
    ON CONFLICT(id) DO UPDATE SET storyline_id = excluded.storyline_id, title = excluded.title,
      category = excluded.category, language = excluded.language, first_published = excluded.first_published,
      last_published = excluded.last_published, article_count = excluded.article_count,
      publisher_count = excluded.publisher_count, heat = excluded.heat, heat_rank = excluded.heat_rank,
      overview = excluded.overview, summary = excluded.summary, updated_at = storyline_now()
  )sql",
                  {story.id, story.storyline_id, story.title, story.category, story.language,
                   timestamp_text(story.first_published), timestamp_text(story.last_published),
                   pg_number(static_cast<int64_t>(story.article_count)),
                   pg_number(static_cast<int64_t>(story.publisher_count)), pg_number(story.heat), pg_number(story.heat_rank),
                   story_overview_to_json(story.overview), story.summary_text});
}

void PostgresStories::remove(const std::string& id) { connection_.run("DELETE FROM stories WHERE id = $1", {id}); }

void PostgresStories::rename_storyline(const std::string& from, const std::string& to) {
  // Relations that `to` already has keep theirs; what is left of `from`, and a storyline now
  // related to itself, go.
  pg_write(connection_, [&] {
    connection_.run("UPDATE stories SET storyline_id = $1 WHERE storyline_id = $2", {to, from});
    connection_.run(
        "UPDATE storyline_relations r SET storyline_id = $1 WHERE storyline_id = $2 AND NOT EXISTS "
        "(SELECT 1 FROM storyline_relations o WHERE o.storyline_id = $1 AND o.related_id = r.related_id)",
        {to, from});
    connection_.run(
        "UPDATE storyline_relations r SET related_id = $1 WHERE related_id = $2 AND NOT EXISTS "
        "(SELECT 1 FROM storyline_relations o WHERE o.storyline_id = r.storyline_id AND o.related_id = $1)",
        {to, from});
    connection_.run(
        "DELETE FROM storyline_relations WHERE storyline_id = $1 OR related_id = $1 OR storyline_id = related_id", {from});
  });
}

void PostgresStories::save_related_storylines(const std::string& storyline, const std::vector<std::string>& related) {
  pg_write(connection_, [&] {
    connection_.run("DELETE FROM storyline_relations WHERE storyline_id = $1", {storyline});
    for (size_t i = 0; i < related.size(); ++i) {
      if (related[i] == storyline) continue;
      connection_.run(
          "INSERT INTO storyline_relations (storyline_id, related_id, position) VALUES ($1, $2, $3) "
          "ON CONFLICT DO NOTHING",
          {storyline, related[i], pg_number(static_cast<int64_t>(i))});
    }
  });
}

std::vector<std::string> PostgresStories::related_storylines(const std::string& storyline) const {
  return first_column(connection_.run(
      "SELECT other FROM ("
      " SELECT related_id AS other, position FROM storyline_relations WHERE storyline_id = $1"
      " UNION ALL SELECT storyline_id AS other, position FROM storyline_relations WHERE related_id = $1) AS relations"
      " WHERE other <> $1 GROUP BY other ORDER BY MIN(position), other",
      {storyline}));
}

void PostgresStories::mark_stale(const std::set<std::string>& story_ids) {
  for (const std::string& id : story_ids)
    connection_.run("INSERT INTO stale_stories(story_id) VALUES ($1) ON CONFLICT DO NOTHING", {id});
}

std::vector<std::string> PostgresStories::stale() const {
  return first_column(connection_.run("SELECT story_id FROM stale_stories ORDER BY story_id"));
}

void PostgresStories::clear_stale() { connection_.run("DELETE FROM stale_stories"); }

std::optional<Story> PostgresStories::get(const std::string& id) const {
  const PgResult result = connection_.run(sql_of({"SELECT ", kStoryColumns, " FROM stories s WHERE s.id = $1"}), {id});
  if (result.rows() == 0) return std::nullopt;
  return story_from_row(result, 0);
}

std::vector<Story> PostgresStories::list(const StoryQuery& filters) const {
  std::string sql = sql_of({"SELECT ", kStoryColumns, " FROM stories s WHERE true"});
  PgParams params;
  const auto add = [&](const char* condition, std::optional<std::string> value) {
    params.push_back(std::move(value));
    sql += std::string(" AND ") + condition + " $" + std::to_string(params.size());
  };
  if (filters.category) add("s.category =", filters.category);
  if (filters.language) add("s.language =", filters.language);
  if (filters.since) add("storyline_unix(s.last_published) >=", pg_number(*filters.since));
  if (filters.storyline) add("s.storyline_id =", filters.storyline);
  sql += " ORDER BY s.heat_rank DESC, s.id LIMIT " + pg_limit(filters.limit) + " OFFSET " + std::to_string(filters.offset);
  return story_rows(connection_.run(sql, params));
}

size_t PostgresStories::count() const {
  return static_cast<size_t>(connection_.run("SELECT count(*) FROM stories").integer(0, 0));
}

std::vector<StoryLanguage> PostgresStories::languages() const {
  const PgResult result = connection_.run(
      "SELECT language, count(*) AS n FROM stories WHERE language IS NOT NULL AND language <> '' "
      "GROUP BY language ORDER BY n DESC, language");
  std::vector<StoryLanguage> languages;
  for (int row = 0; row < result.rows(); ++row)
    languages.push_back({result.text(row, 0), static_cast<size_t>(result.integer(row, 1))});
  return languages;
}

std::vector<StoryHit> PostgresStories::search(const std::string& query_text, size_t limit) const {
  check_postgres_query(query_text);
  const std::string sql = sql_of(
      {"SELECT ", kStoryColumns,
       ", -ts_rank_cd(s.search, own.query) AS score, "
       "ts_headline(storyline_ts_config(s.language), s.summary, own.query, "
       "'StartSel=<b>, StopSel=</b>, MaxWords=24, MinWords=12, MaxFragments=1, FragmentDelimiter=…') "
       "FROM stories s CROSS JOIN LATERAL (SELECT websearch_to_tsquery(storyline_ts_config(s.language), $1) "
       "AS query) own WHERE s.search @@ storyline_ts_query($1) AND s.search @@ own.query "
       "ORDER BY score, s.seq LIMIT ",
       pg_limit(limit)});
  std::vector<StoryHit> hits;
  try {
    pg_write(connection_, [&] {
      connection_.exec("SET LOCAL statement_timeout = " + std::to_string(kSearchTimeBudget.count()));
      const PgResult result = connection_.run(sql, {websearch_query(query_text)});
      for (int row = 0; row < result.rows(); ++row) {
        StoryHit hit;
        hit.story = story_from_row(result, row);
        hit.score = result.real(row, kStoryColumnCount);
        hit.snippet = result.text(row, kStoryColumnCount + 1);
        hits.push_back(std::move(hit));
      }
      connection_.exec("SET LOCAL statement_timeout = 0");
    });
  } catch (const PgError& error) {
    if (error.state() == "57014") throw SearchTimeout(kSearchTimeBudget);
    throw std::invalid_argument(std::string("bad search query: ") + error.what());
  }
  return hits;
}

std::vector<Document> PostgresStories::articles(const std::string& story_id, size_t limit) const {
  // The newest arrivals when capped, returned oldest first.
  const PgResult result = connection_.run(sql_of({"SELECT ", kPgDocumentColumns,
                                                  " FROM documents d WHERE d.story_id = $1 AND d.duplicate_of IS NULL"
                                                  " ORDER BY d.seq DESC LIMIT ",
                                                  pg_limit(limit)}),
                                          {story_id});
  std::vector<Document> documents;
  for (int row = 0; row < result.rows(); ++row) documents.push_back(postgres_document(result, row));
  std::reverse(documents.begin(), documents.end());
  return documents;
}

std::vector<StoredCopy> PostgresStories::copies_of(const std::vector<std::string>& article_ids, size_t limit) const {
  std::vector<StoredCopy> copies;
  for (const std::string& id : article_ids) {
    if (copies.size() >= limit) break;
    const PgResult result = connection_.run(sql_of({"SELECT ", kPgDocumentColumns,
                                                    " FROM documents d WHERE d.duplicate_of = $1 ORDER BY d.seq LIMIT ",
                                                    pg_limit(limit - copies.size())}),
                                            {id});
    for (int row = 0; row < result.rows(); ++row) copies.push_back({postgres_document(result, row), id});
  }
  return copies;
}

std::vector<StoredCopy> PostgresStories::copy_publishers(const std::vector<std::string>& article_ids, size_t limit) const {
  std::vector<StoredCopy> copies;
  for (const std::string& id : article_ids) {
    if (copies.size() >= limit) break;
    const PgResult result = connection_.run(
        sql_of({"SELECT id, url, domain, site_name FROM documents WHERE duplicate_of = $1 ORDER BY seq LIMIT ",
                pg_limit(limit - copies.size())}),
        {id});
    for (int row = 0; row < result.rows(); ++row) {
      StoredCopy copy;
      copy.document.id = result.text(row, 0);
      copy.document.url = result.optional_text(row, 1);
      copy.document.domain = result.optional_text(row, 2);
      copy.document.site_name = result.optional_text(row, 3);
      copy.original_id = id;
      copies.push_back(std::move(copy));
    }
  }
  return copies;
}

StoryMemberCounts PostgresStories::member_counts(const std::string& story_id) const {
  const PgResult result = connection_.run(
      "SELECT count(*) FILTER (WHERE duplicate_of IS NULL), count(*) FILTER (WHERE duplicate_of IS NOT NULL) "
      "FROM documents WHERE story_id = $1",
      {story_id});
  return {static_cast<size_t>(result.integer(0, 0)), static_cast<size_t>(result.integer(0, 1))};
}

std::optional<std::string> PostgresStories::last_ingested(const std::string& story_id) const {
  const PgResult result = connection_.run("SELECT max(ingested_at) FROM documents WHERE story_id = $1", {story_id});
  return result.optional_text(0, 0);
}

std::vector<std::string> PostgresStories::document_ids(const std::string& story_id) const {
  return first_column(connection_.run("SELECT id FROM documents WHERE story_id = $1 ORDER BY seq", {story_id}));
}

}  // namespace storyline::store
