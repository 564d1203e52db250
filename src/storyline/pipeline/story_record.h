#pragma once
// One story's stored record, made from its articles: the overview (headline, summary bullets
// citing their publishers, quotes, topics), the heat with its parts, and who carries it (its
// publishers, with the copies they printed). Recomputed whenever the story changes.
#include <cstdint>
#include <string>
#include <vector>

#include "storyline/core/document.h"
#include "storyline/store/store.h"

namespace storyline::pipeline {

// Articles beyond this many (the newest arrivals are kept) are counted but not read again:
// the cost of refreshing a story stays bounded however large it grows.
inline constexpr size_t kStoryArticlesRead = 120;
// The same for copies: a syndicated wire story can be reprinted by hundreds of sites.
inline constexpr size_t kStoryCopiesRead = 480;

// `articles` in arrival order, copies left out; `article_count` counts those not read too.
// `copies` are the stored copies of the articles (exact and near duplicates): they add the
// publishers that printed them to the story's publishers and coverage, but no article, no
// summary text and no heat (a report reprinted is still one report): only what names their
// publisher is read of them (Stories::copy_publishers). `copy_count` counts the copies not read too.
// With `text_of`, the story's last record, its headline, bullets, quotes and topics are kept
// instead of made again (the costly part: a story of 120 articles took about 10 ms), and so are
// the quality scores of the articles it scored; counts, dates, heat and publishers are made afresh.
Story make_story_record(const std::string& id, const std::string& storyline_id, const std::vector<Document>& articles,
                        size_t article_count, int64_t now_unix, const std::vector<store::StoredCopy>& copies = {},
                        size_t copy_count = 0, const Story* text_of = nullptr);

}  // namespace storyline::pipeline
