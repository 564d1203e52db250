#pragma once
// One story's stored record, made from its articles: the overview (headline, summary bullets
// citing their publishers, quotes, topics) and the heat with its parts. Recomputed whenever the
// story changes.
#include <cstdint>
#include <string>
#include <vector>

#include "storyline/core/document.h"
#include "storyline/store/document_store.h"

namespace storyline::pipeline {

// Articles beyond this many (the newest arrivals are kept) are counted but not read again:
// the cost of refreshing a story stays bounded however large it grows.
inline constexpr size_t kStoryArticlesRead = 120;

// `articles` in arrival order; `article_count` counts those not read too.
store::StoryRecord make_story_record(const std::string& id, const std::string& storyline_id,
                                     const std::vector<Document>& articles, size_t article_count, int64_t now_unix);

}  // namespace storyline::pipeline
