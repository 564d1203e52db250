// Story records left to rewrite (schema migration 9). The server writes a story's record after
// answering (a big story's overview costs more than the article); the story is listed here in
// the same transaction as the documents that made its record stale, and the list is cleared in
// the one that rewrites it. Whatever is listed at start was left stale by a run that did not end
// cleanly.
#include "storyline/store/sqlite_tables.h"

namespace storyline::store {

void SqliteStories::mark_stale(const std::set<std::string>& story_ids) {
  for (const std::string& id : story_ids) {
    CachedStatement mark = connection_.statement("INSERT OR IGNORE INTO stale_stories(story_id) VALUES (?)");
    mark.bind(1, id);
    mark.exec();
  }
}

std::vector<std::string> SqliteStories::stale() const {
  CachedStatement query = connection_.statement("SELECT story_id FROM stale_stories ORDER BY story_id");
  std::vector<std::string> ids;
  while (query.executeStep()) ids.push_back(query.getColumn(0).getString());
  return ids;
}

void SqliteStories::clear_stale() { connection_.statement("DELETE FROM stale_stories").exec(); }

}  // namespace storyline::store
