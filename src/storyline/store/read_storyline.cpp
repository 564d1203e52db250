#include "storyline/store/stories.h"

namespace storyline::store {

Storyline read_storyline(const Stories& stories, const std::string& id, size_t most_stories) {
  StoryQuery query;
  query.storyline = id;
  query.limit = most_stories;
  Storyline storyline{id, stories.list(query)};
  order_as_timeline(storyline.timeline);
  return storyline;
}

}  // namespace storyline::store
