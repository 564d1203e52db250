#include "storyline/rank/story_heat.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <unordered_set>

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

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
int64_t days_from_civil(int64_t year, unsigned month, unsigned day) {
  year -= month <= 2;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<int64_t>(day_of_era) - 719468;
}

bool is_leap(int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Reads exactly `count` digits at `pos`.
bool read_digits(const std::string& text, size_t& pos, size_t count, int& value) {
  if (pos + count > text.size()) return false;
  value = 0;
  for (size_t i = 0; i < count; ++i) {
    const char c = text[pos + i];
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    value = value * 10 + (c - '0');
  }
  pos += count;
  return true;
}

}  // namespace

std::optional<int64_t> parse_published_unix(const std::string& iso8601) {
  size_t pos = 0;
  int year = 0, month = 0, day = 0;
  if (!read_digits(iso8601, pos, 4, year) || pos >= iso8601.size() || iso8601[pos++] != '-' ||
      !read_digits(iso8601, pos, 2, month) || pos >= iso8601.size() || iso8601[pos++] != '-' ||
      !read_digits(iso8601, pos, 2, day))
    return std::nullopt;
  static constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return std::nullopt;
  if (day > kDaysInMonth[month - 1] + (month == 2 && is_leap(year) ? 1 : 0)) return std::nullopt;
  int64_t seconds = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400;
  if (pos == iso8601.size()) return seconds;
  if (iso8601[pos] != 'T' && iso8601[pos] != 't' && iso8601[pos] != ' ') return std::nullopt;
  ++pos;
  int hour = 0, minute = 0, second = 0;
  if (!read_digits(iso8601, pos, 2, hour) || pos >= iso8601.size() || iso8601[pos++] != ':' ||
      !read_digits(iso8601, pos, 2, minute))
    return std::nullopt;
  if (pos < iso8601.size() && iso8601[pos] == ':') {
    ++pos;
    if (!read_digits(iso8601, pos, 2, second)) return std::nullopt;
    if (pos < iso8601.size() && (iso8601[pos] == '.' || iso8601[pos] == ',')) {
      ++pos;
      while (pos < iso8601.size() && std::isdigit(static_cast<unsigned char>(iso8601[pos]))) ++pos;
    }
  }
  if (hour > 24 || minute > 59 || second > 60) return std::nullopt;
  seconds += hour * 3600 + minute * 60 + second;
  if (pos == iso8601.size()) return seconds;
  const char zone = iso8601[pos++];
  if (zone == 'Z' || zone == 'z') return pos == iso8601.size() ? std::optional<int64_t>(seconds) : std::nullopt;
  if (zone != '+' && zone != '-') return std::nullopt;
  int offset_hours = 0, offset_minutes = 0;
  if (!read_digits(iso8601, pos, 2, offset_hours)) return std::nullopt;
  if (pos < iso8601.size() && iso8601[pos] == ':') ++pos;
  if (pos < iso8601.size() && !read_digits(iso8601, pos, 2, offset_minutes)) return std::nullopt;
  if (pos != iso8601.size() || offset_hours > 14 || offset_minutes > 59) return std::nullopt;
  const int64_t offset = offset_hours * 3600 + offset_minutes * 60;
  // Local time = UTC + offset, so UTC = local - offset.
  return zone == '+' ? seconds - offset : seconds + offset;
}

StoryHeat story_heat(const std::vector<Document>& articles, int64_t now_unix) {
  std::vector<int> scores;
  scores.reserve(articles.size());
  for (const Document& article : articles) scores.push_back(article_quality(article).score);
  return story_heat(articles, now_unix, scores);
}

StoryHeat story_heat(const std::vector<Document>& articles, int64_t now_unix, const std::vector<int>& quality_scores) {
  StoryHeat heat;
  if (articles.empty()) return heat;
  std::unordered_set<std::string> publishers;
  double quality_sum = 0;
  std::optional<int64_t> first;
  std::vector<std::pair<int64_t, std::string>> dated;
  for (size_t i = 0; i < articles.size(); ++i) {
    const Document& article = articles[i];
    std::string publisher = publisher_key(article);
    publishers.insert(publisher);
    // A missing score (shorter vector) counts as an average article rather than failing.
    quality_sum += (i < quality_scores.size() ? std::clamp(quality_scores[i], 0, 100) : 50) / 100.0;
    if (!article.published) continue;
    const auto when = parse_published_unix(*article.published);
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
  heat.parts.velocity =
      early_publishers.empty() ? 0 : kVelocityWeight * (std::log1p(static_cast<double>(early_publishers.size())) - std::log(2.0));
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
