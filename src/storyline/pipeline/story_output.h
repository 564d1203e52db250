#pragma once
// How stories leave Storyline: the story JSON of INTERFACE.md (one line per story) and the
// front-matter record of seeds/000 (`stories --format yaml`). Shared by the CLI and the API.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storyline/core/document.h"
#include "storyline/store/store.h"

namespace storyline::pipeline {

// {"id", "title", "summary", "heat", "category", "language", "first_published", "last_published",
//  "storyline", "articles": [document], ...}: INTERFACE.md's fields, then the overview's (bullets
// with their publishers, quotes, topics, publishers, coverage, heat parts, each article's quality).
// Heat is shown as of `now_unix` (see heat_reference_time) when given, else as last written.
// A list leaves out what only a story's own page shows (bullets, quotes, the per-publisher
// coverage, heat parts): INTERFACE.md's fields and the small extensions stay.
// `articles` are the story's articles (copies left out); `copies` their stored copies, which each
// article lists as its sources: every article gets "publisher" {"key", "name"}, "copy_count" and
// "also_published_by" [{"key", "name", "id", "url"}] (the other publishers that printed it).
enum class StoryDetail { full, list };
std::string story_to_json(const Story& story, const std::vector<Document>& articles,
                          std::optional<int64_t> now_unix = std::nullopt, StoryDetail detail = StoryDetail::full,
                          const std::vector<store::StoredCopy>& copies = {});

// A story's articles as a reader sees them: up to `limit` articles (the newest arrivals) and
// their copies, read from the store.
struct StoryArticles {
  std::vector<Document> articles;
  std::vector<store::StoredCopy> copies;
};
StoryArticles read_story_articles(const store::Store& store, const std::string& story_id, size_t limit = SIZE_MAX);

// One front-matter record ("---" … "---") in seeds/000's layout: the lead article's title, excerpt,
// publishedDateTime, URLs and provider, the story's topics, quality and heat, and every other
// article under related[].
std::string story_to_front_matter(const Story& story, const std::vector<Document>& articles,
                                  std::optional<int64_t> now_unix = std::nullopt);

// "Now" for heat: the newest article's time in the store (the tenth newest: a few much newer
// articles are outliers), so that a store of last year's news still shows what was hot then;
// never later than the clock.
int64_t heat_reference_time(const store::Store& store);

// The story's heat as of `now_unix` (heat_reference_time), rounded to two decimals; as last
// written without one, or when the story is newer than `now_unix`.
double shown_heat(const Story& story, std::optional<int64_t> now_unix);

}  // namespace storyline::pipeline
