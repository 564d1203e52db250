// Story records left to rewrite (schema migration 9). The server writes a story's record after
// answering (a big story's overview costs more than the article); the story is listed here in
// the same transaction as the documents that made its record stale, and the list is cleared in
// the one that rewrites it. Whatever is listed at start was left stale by a run that did not end
// cleanly.
#include "storyline/store/document_store.h"
#include "storyline/store/document_store_impl.h"

namespace storyline::store {

void DocumentStore::mark_stories_stale(const std::set<std::string>& story_ids) {
  for (const std::string& id : story_ids) {
    CachedStatement mark = impl_->statement("INSERT OR IGNORE INTO stale_stories(story_id) VALUES (?)");
    mark.bind(1, id);
    mark.exec();
  }
}

std::vector<std::string> DocumentStore::stale_stories() const {
  CachedStatement query = impl_->statement("SELECT story_id FROM stale_stories ORDER BY story_id");
  std::vector<std::string> ids;
  while (query.executeStep()) ids.push_back(query.getColumn(0).getString());
  return ids;
}

void DocumentStore::clear_stale_stories() { impl_->statement("DELETE FROM stale_stories").exec(); }

}  // namespace storyline::store
