// The embedded store's stories: documents' story ids, story records and their search index,
// storylines and their relations, and the documents of a story.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "storyline/core/story_overview_json.h"
#include "storyline/store/sqlite_tables.h"

namespace storyline::store {

using namespace detail;

namespace {

constexpr const char* kStoryColumns =
    "s.id, s.storyline_id, s.title, s.category, s.language, s.first_published, s.last_published, s.article_count, "
    "s.publisher_count, s.heat, s.heat_rank, s.overview";

Story story_from_row(SQLite::Statement& row) {
  Story story;
  story.id = row.getColumn(0).getString();
  story.storyline_id = row.getColumn(1).getString();
  story.title = column_optional(row.getColumn(2));
  story.category = column_optional(row.getColumn(3));
  story.language = column_optional(row.getColumn(4));
  story.first_published = Timestamp::parse(column_optional(row.getColumn(5)));
  story.last_published = Timestamp::parse(column_optional(row.getColumn(6)));
  story.article_count = static_cast<size_t>(row.getColumn(7).getInt64());
  story.publisher_count = static_cast<size_t>(row.getColumn(8).getInt64());
  story.heat = row.getColumn(9).getDouble();
  story.heat_rank = row.getColumn(10).getDouble();
  story.overview = story_overview_from_json(row.getColumn(11).getString());
  return story;
}

}  // namespace

void SqliteStories::move_article_with_copies(const std::string& article_id, const std::optional<std::string>& story_id) {
  CachedStatement update = connection_.statement("UPDATE documents SET story_id = ?1 WHERE id = ?2 OR duplicate_of = ?2");
  if (story_id) update.bind(1, *story_id);
  else update.bind(1);
  update.bind(2, article_id);
  update.exec();
}

std::optional<std::string> SqliteStories::story_of(const std::string& document_id) const {
  CachedStatement query = connection_.statement("SELECT story_id FROM documents WHERE id = ?");
  query.bind(1, document_id);
  if (!query.executeStep()) return std::nullopt;
  return column_optional(query.getColumn(0));
}

void SqliteStories::save(const Story& story) {
  CachedStatement save = connection_.statement(R"sql(
    INSERT INTO stories(id, storyline_id, title, category, language, first_published, last_published,
                        article_count, publisher_count, heat, heat_rank, overview)
    VALUES (:id, :storyline, :title, :category, :language, :first, :last, :articles, :publishers, :heat, :rank,
            :overview)
    ON CONFLICT(id) DO UPDATE SET storyline_id = excluded.storyline_id, title = excluded.title,
      category = excluded.category, language = excluded.language, first_published = excluded.first_published,
      last_published = excluded.last_published, article_count = excluded.article_count,
      publisher_count = excluded.publisher_count, heat = excluded.heat, heat_rank = excluded.heat_rank,
      overview = excluded.overview, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  )sql");
  save.bind(":id", story.id);
  save.bind(":storyline", story.storyline_id);
  bind_optional(save, ":title", story.title);
  bind_optional(save, ":category", story.category);
  bind_optional(save, ":language", story.language);
  bind_optional(save, ":first", timestamp_text(story.first_published));
  bind_optional(save, ":last", timestamp_text(story.last_published));
  save.bind(":articles", static_cast<int64_t>(story.article_count));
  save.bind(":publishers", static_cast<int64_t>(story.publisher_count));
  save.bind(":heat", story.heat);
  save.bind(":rank", story.heat_rank);
  save.bind(":overview", story_overview_to_json(story.overview));
  save.exec();
  CachedStatement rowid = connection_.statement("SELECT rowid FROM stories WHERE id = ?");
  rowid.bind(1, story.id);
  if (!rowid.executeStep()) return;
  const int64_t row = rowid.getColumn(0).getInt64();
  CachedStatement erase = connection_.statement("DELETE FROM stories_fts WHERE rowid = ?");
  erase.bind(1, row);
  erase.exec();
  CachedStatement index = connection_.statement("INSERT INTO stories_fts(rowid, title, summary) VALUES (?, ?, ?)");
  index.bind(1, row);
  index.bind(2, story.title.value_or(""));
  index.bind(3, story.summary_text);
  index.exec();
}

void SqliteStories::remove(const std::string& id) {
  CachedStatement erase_index = connection_.statement(
      "DELETE FROM stories_fts WHERE rowid = (SELECT rowid FROM stories WHERE id = ?)");
  erase_index.bind(1, id);
  erase_index.exec();
  CachedStatement erase = connection_.statement("DELETE FROM stories WHERE id = ?");
  erase.bind(1, id);
  erase.exec();
}

void SqliteStories::rename_storyline(const std::string& from, const std::string& to) {
  // Relations that `to` already has keep theirs (OR IGNORE); what is left of `from`, and a
  // storyline now related to itself, go.
  for (const char* sql : {"UPDATE stories SET storyline_id = :to WHERE storyline_id = :from",
                          "UPDATE OR IGNORE storyline_relations SET storyline_id = :to WHERE storyline_id = :from",
                          "UPDATE OR IGNORE storyline_relations SET related_id = :to WHERE related_id = :from",
                          "DELETE FROM storyline_relations WHERE storyline_id = :from OR related_id = :from "
                          "OR storyline_id = related_id"}) {
    CachedStatement update = connection_.statement(sql);
    if (std::string_view(sql).find(":to") != std::string_view::npos) update.bind(":to", to);
    update.bind(":from", from);
    update.exec();
  }
}

void SqliteStories::save_related_storylines(const std::string& storyline, const std::vector<std::string>& related) {
  CachedStatement erase = connection_.statement("DELETE FROM storyline_relations WHERE storyline_id = ?");
  erase.bind(1, storyline);
  erase.exec();
  CachedStatement insert = connection_.statement(
      "INSERT OR IGNORE INTO storyline_relations (storyline_id, related_id, position) VALUES (?, ?, ?)");
  for (size_t i = 0; i < related.size(); ++i) {
    if (related[i] == storyline) continue;
    insert.bind(1, storyline);
    insert.bind(2, related[i]);
    insert.bind(3, static_cast<int64_t>(i));
    insert.exec();
    insert.reset();
  }
}

std::vector<std::string> SqliteStories::related_storylines(const std::string& storyline) const {
  CachedStatement query = connection_.statement(
      "SELECT other, MIN(position) AS best FROM ("
      " SELECT related_id AS other, position FROM storyline_relations WHERE storyline_id = :id"
      " UNION ALL SELECT storyline_id AS other, position FROM storyline_relations WHERE related_id = :id)"
      " WHERE other <> :id GROUP BY other ORDER BY best, other");
  query.bind(":id", storyline);
  std::vector<std::string> related;
  while (query.executeStep()) related.push_back(query.getColumn(0).getString());
  return related;
}

std::optional<Story> SqliteStories::get(const std::string& id) const {
  CachedStatement query = connection_.statement(std::string("SELECT ") + kStoryColumns + " FROM stories s WHERE s.id = ?");
  query.bind(1, id);
  if (!query.executeStep()) return std::nullopt;
  return story_from_row(query);
}

std::vector<Story> SqliteStories::list(const StoryQuery& filters) const {
  std::string sql = std::string("SELECT ") + kStoryColumns + " FROM stories s WHERE 1";
  if (filters.category) sql += " AND s.category = :category";
  if (filters.language) sql += " AND s.language = :language";
  // unixepoch() reads the zone of each stored time ("+03:00"); text would compare local times.
  if (filters.since) sql += " AND unixepoch(s.last_published) >= :since";
  if (filters.storyline) sql += " AND s.storyline_id = :storyline";
  sql += " ORDER BY s.heat_rank DESC, s.id LIMIT :limit OFFSET :offset";
  CachedStatement query = connection_.statement(sql);
  if (filters.category) query.bind(":category", *filters.category);
  if (filters.language) query.bind(":language", *filters.language);
  if (filters.since) query.bind(":since", *filters.since);
  if (filters.storyline) query.bind(":storyline", *filters.storyline);
  query.bind(":limit", static_cast<int64_t>(filters.limit));
  query.bind(":offset", static_cast<int64_t>(filters.offset));
  std::vector<Story> result;
  while (query.executeStep()) result.push_back(story_from_row(query));
  return result;
}

size_t SqliteStories::count() const {
  return static_cast<size_t>(connection_.db.execAndGet("SELECT count(*) FROM stories").getInt64());
}

std::vector<StoryLanguage> SqliteStories::languages() const {
  CachedStatement query = connection_.statement(
      "SELECT language, count(*) AS n FROM stories WHERE language IS NOT NULL AND language <> '' "
      "GROUP BY language ORDER BY n DESC, language");
  std::vector<StoryLanguage> languages;
  while (query.executeStep())
    languages.push_back({query.getColumn(0).getString(), static_cast<size_t>(query.getColumn(1).getInt64())});
  return languages;
}

std::vector<Document> SqliteStories::articles(const std::string& story_id, size_t limit) const {
  // The newest arrivals when capped, returned oldest first.
  CachedStatement query = connection_.statement(std::string("SELECT d.rowid, ") + kDocumentColumns +
                                                " FROM documents d WHERE d.story_id = ? AND d.duplicate_of IS NULL"
                                                " ORDER BY d.rowid DESC LIMIT ?");
  query.bind(1, story_id);
  query.bind(2, static_cast<int64_t>(std::min<size_t>(limit, INT64_MAX)));
  std::vector<Document> documents;
  while (query.executeStep()) documents.push_back(document_from_row(query, 1));
  std::reverse(documents.begin(), documents.end());
  return documents;
}

std::vector<StoredCopy> SqliteStories::copies_of(const std::vector<std::string>& article_ids, size_t limit) const {
  // One indexed look-up per article (documents_duplicate_of): a list page asks for a few
  // articles of each of many stories.
  CachedStatement query = connection_.statement(std::string("SELECT ") + kDocumentColumns +
                                                " FROM documents d WHERE d.duplicate_of = ? ORDER BY d.rowid LIMIT ?");
  std::vector<StoredCopy> copies;
  for (const std::string& id : article_ids) {
    if (copies.size() >= limit) break;
    query.bind(1, id);
    query.bind(2, static_cast<int64_t>(std::min<size_t>(limit - copies.size(), INT64_MAX)));
    while (query.executeStep()) copies.push_back({document_from_row(query), id});
    query.reset();
  }
  return copies;
}

std::vector<StoredCopy> SqliteStories::copy_publishers(const std::vector<std::string>& article_ids, size_t limit) const {
  CachedStatement query = connection_.statement(
      "SELECT id, url, domain, site_name FROM documents WHERE duplicate_of = ? ORDER BY rowid LIMIT ?");
  std::vector<StoredCopy> copies;
  for (const std::string& id : article_ids) {
    if (copies.size() >= limit) break;
    query.bind(1, id);
    query.bind(2, static_cast<int64_t>(std::min<size_t>(limit - copies.size(), INT64_MAX)));
    while (query.executeStep()) {
      StoredCopy copy;
      copy.document.id = query.getColumn(0).getString();
      copy.document.url = column_optional(query.getColumn(1));
      copy.document.domain = column_optional(query.getColumn(2));
      copy.document.site_name = column_optional(query.getColumn(3));
      copy.original_id = id;
      copies.push_back(std::move(copy));
    }
    query.reset();
  }
  return copies;
}

StoryMemberCounts SqliteStories::member_counts(const std::string& story_id) const {
  CachedStatement query = connection_.statement(
      "SELECT count(*) FILTER (WHERE duplicate_of IS NULL), count(*) FILTER (WHERE duplicate_of IS NOT NULL) "
      "FROM documents WHERE story_id = ?");
  query.bind(1, story_id);
  StoryMemberCounts counts;
  if (!query.executeStep()) return counts;
  counts.articles = static_cast<size_t>(query.getColumn(0).getInt64());
  counts.copies = static_cast<size_t>(query.getColumn(1).getInt64());
  return counts;
}

std::optional<std::string> SqliteStories::last_ingested(const std::string& story_id) const {
  CachedStatement query = connection_.statement("SELECT max(ingested_at) FROM documents WHERE story_id = ?");
  query.bind(1, story_id);
  if (!query.executeStep()) return std::nullopt;
  return column_optional(query.getColumn(0));
}

std::vector<std::string> SqliteStories::document_ids(const std::string& story_id) const {
  CachedStatement query = connection_.statement("SELECT id FROM documents WHERE story_id = ? ORDER BY rowid");
  query.bind(1, story_id);
  std::vector<std::string> ids;
  while (query.executeStep()) ids.push_back(query.getColumn(0).getString());
  return ids;
}

std::vector<StoryHit> SqliteStories::search(const std::string& query_text, size_t limit) const {
  const std::string sql = std::string("SELECT ") + kStoryColumns +
                          ", bm25(stories_fts, 3.0, 1.0) AS score, snippet(stories_fts, 1, '<b>', '</b>', '…', 24) "
                          "FROM stories_fts JOIN stories s ON s.rowid = stories_fts.rowid "
                          "WHERE stories_fts MATCH :query ORDER BY score LIMIT :limit";
  check_search_query(query_text);
  std::vector<StoryHit> hits;
  QueryDeadline deadline(connection_.db.getHandle(), kSearchTimeBudget);
  try {
    CachedStatement query = connection_.statement(sql);
    query.bind(":query", query_text);
    query.bind(":limit", static_cast<int64_t>(limit));
    while (query.executeStep()) {
      StoryHit hit;
      hit.story = story_from_row(query);
      hit.score = query.getColumn(12).getDouble();
      hit.snippet = query.getColumn(13).getString();
      hits.push_back(std::move(hit));
    }
  } catch (const SQLite::Exception& error) {
    if (deadline.expired()) throw SearchTimeout(kSearchTimeBudget);
    throw std::invalid_argument(std::string("bad search query: ") + error.what());
  }
  return hits;
}

}  // namespace storyline::store
