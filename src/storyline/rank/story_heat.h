#pragma once
// How hot a story is: how many publishers cover it, how fast they arrived, how good their
// articles are, and how recent its newest article is. Cheap (O(articles)) so it can be
// recomputed on every ingest.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storyline/core/document.h"

namespace storyline::rank {

struct HeatParts {
  double publishers = 0;  // contribution of the distinct publishers (dominant)
  double velocity = 0;    // contribution of how many publishers arrived within the first day
  double quality = 0;     // contribution of the members' mean article quality
  double recency = 0;     // the decay factor applied to base at `now` (0..1)
};

struct StoryHeat {
  double base = 0;                             // heat before recency decay (publishers + velocity + quality)
  double value = 0;                            // base x recency at `now`: what users see, never above base
  std::optional<int64_t> last_published_unix;  // newest member date, nullopt if none dated
  // The time the story is as fresh as: its newest date, but never after `now` (a page dated in
  // the future is fresh, not fresher). What heat_rank_key ranks by.
  std::optional<int64_t> fresh_as_of_unix;
  HeatParts parts;
};

// Half-life of the recency decay. News interest roughly halves within a day or two (Google News
// and aggregators age stories out over ~2 days); 36 hours keeps yesterday's big story above
// today's single-source item, but not last week's.
inline constexpr double kHeatHalfLifeSeconds = 36.0 * 3600.0;

// `articles` are distinct articles: a story's stored copies (exact and near duplicates, which
// the pipeline folds into the article they copy) are left out by the caller, so that a wire
// story reprinted by ten sites is one report, not ten. Publishers are core/publisher.h's (the
// registered domain, else the site name, else the document): articles by one publisher count
// once. now_unix: the reference time (the lead passes the newest published time
// in the store, so old datasets still rank). A story without any dated member has recency 0: no
// evidence it is current; it sorts after every dated story (see heat_rank_key).
StoryHeat story_heat(const std::vector<Document>& articles, int64_t now_unix);
// The same with each article's article_quality().score already known (the store can keep it per
// document): then the cost is O(articles), no text is read. quality_scores[i] belongs to articles[i].
StoryHeat story_heat(const std::vector<Document>& articles, int64_t now_unix, const std::vector<int>& quality_scores);

// A number that orders stories by heat at ANY common `now`: ln(base) + fresh_as_of / tau,
// where tau = half-life / ln 2 (value = base * exp(-(now - fresh_as_of) / tau), so ln(value) =
// key - now / tau). Undated stories get a key below every dated one, ordered among themselves by
// base.
double heat_rank_key(const StoryHeat& heat);

// The heat a story with this rank key has at `now_unix` (what heat_rank_key ranks by): lets a
// stored story show its heat as of any time without reading its articles again. Decay only ever
// lowers heat: at or after the `now` the key was made at (the store's "now" only moves forward
// as news arrives), the result is at most the story's base, however far in the future its
// articles are dated, since a key holds no time later than its `now`.
double heat_at(double rank_key, int64_t now_unix);

}  // namespace storyline::rank
