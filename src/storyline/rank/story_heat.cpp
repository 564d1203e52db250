#include "storyline/rank/story_heat.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <unordered_set>

#include "storyline/core/iso_time.h"
#include "storyline/core/publisher.h"
#include "storyline/rank/article_quality.h"

namespace storyline::rank {
namespace {

// Weights (why): the number of independent publishers is the best single sign that an event
// matters (Google News' "Full Coverage" ranks by it), so it dominates, on a log scale: the tenth
// publisher adds less than the second. Velocity rewards a story that many publishers picked up
// within its first day (breaking news) over one that trickled in over weeks. Quality is a small
// tie-breaker so that a story of excerpt-only records does not outrank one with real articles.
constexpr double kPublisherWeight = 3.0;
constexpr double kVelocityWeight = 1.0;
constexpr double kQualityWeight = 1.0;
constexpr double kVelocityWindowSeconds = 24.0 * 3600.0;

const double kTau = kHeatHalfLifeSeconds / std::log(2.0);
// Below every dated key: dated keys are ln(base) + unix/tau, about +-2e4 for any date within
// ten thousand years of 1970.
constexpr double kUndatedKeyOffset = -1e7;

}  // namespace

StoryHeat story_heat(const std::vector<Document>& articles, int64_t now_unix) {
  std::vector<int> scores;
  scores.reserve(articles.size());
  for (const Document& article : articles) scores.push_back(article_quality(article).score);
  return story_heat(articles, now_unix, scores);
}

StoryHeat story_heat(const std::vector<Document>& articles, int64_t now_unix, const std::vector<int>& quality_scores) {
  StoryHeat heat;
  if (articles.empty()) return heat;
  // core/publisher.h's publishers, the articles counted together: "Valley Times" without a URL
  // and valleytimes.com are one.
  std::vector<Publisher> keyed = publishers_of(articles);
  std::unordered_set<std::string> publishers;
  double quality_sum = 0;
  std::optional<int64_t> first;
  std::vector<std::pair<int64_t, std::string>> dated;
  for (size_t i = 0; i < articles.size(); ++i) {
    const Document& article = articles[i];
    std::string publisher = std::move(keyed[i].key);
    publishers.insert(publisher);
    // A missing score (shorter vector) counts as an average article rather than failing.
    quality_sum += (i < quality_scores.size() ? std::clamp(quality_scores[i], 0, 100) : 50) / 100.0;
    if (!article.published) continue;
    const auto when = parse_iso_unix(*article.published);
    if (!when) continue;
    dated.emplace_back(*when, std::move(publisher));
    first = first ? std::min(*first, *when) : *when;
    heat.last_published_unix = heat.last_published_unix ? std::max(*heat.last_published_unix, *when) : *when;
  }
  // Distinct publishers that had the story within a day of its first article.
  std::unordered_set<std::string> early_publishers;
  for (const auto& [when, publisher] : dated)
    if (static_cast<double>(when - *first) <= kVelocityWindowSeconds) early_publishers.insert(publisher);

  heat.parts.publishers = kPublisherWeight * std::log1p(static_cast<double>(publishers.size()));
  // ln(1 + n) - ln 2: a single early publisher is no burst at all.
  heat.parts.velocity = early_publishers.empty()
                            ? 0
                            : kVelocityWeight * (std::log1p(static_cast<double>(early_publishers.size())) - std::log(2.0));
  heat.parts.quality = kQualityWeight * quality_sum / static_cast<double>(articles.size());
  heat.base = heat.parts.publishers + heat.parts.velocity + heat.parts.quality;
  if (heat.last_published_unix) {
    // A story whose newest article is "in the future" of now (clock skew, a later time zone, a
    // page misdated 2033) is as fresh as it gets, not hotter than fresh: recency is at most 1, and
    // the rank key holds `now`, not the future date.
    heat.fresh_as_of_unix = std::min(*heat.last_published_unix, now_unix);
    heat.parts.recency = std::exp(-static_cast<double>(now_unix - *heat.fresh_as_of_unix) / kTau);
  }
  heat.value = heat.base * heat.parts.recency;
  return heat;
}

double heat_rank_key(const StoryHeat& heat) {
  if (heat.base <= 0) return std::numeric_limits<double>::lowest();
  if (!heat.fresh_as_of_unix) return std::log(heat.base) + kUndatedKeyOffset;
  return std::log(heat.base) + static_cast<double>(*heat.fresh_as_of_unix) / kTau;
}

double heat_at(double rank_key, int64_t now_unix) {
  if (rank_key < kUndatedKeyOffset / 2) return 0;  // undated (or no heat at all)
  // ln(value) = ln(base) - (now - fresh_as_of) / tau; fresh_as_of is never after the `now` the
  // key was made at, so for any later `now` the exponent is at most ln(base). The bound only
  // keeps a `now` long before that (a caller's mistake) from overflowing to infinity.
  const double exponent = std::min(rank_key - static_cast<double>(now_unix) / kTau, 700.0);
  return std::exp(exponent);
}

}  // namespace storyline::rank
