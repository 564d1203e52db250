#include "storyline/pipeline/story_record.h"

#include <algorithm>
#include <map>

#include "storyline/pipeline/story_sources.h"
#include "storyline/rank/article_quality.h"
#include "storyline/rank/story_heat.h"
#include "storyline/summarize/story_overview.h"

namespace storyline::pipeline {
namespace {

// The most common non-empty value; ties go to the earliest article (the story's origin).
std::optional<std::string> majority(const std::vector<Document>& articles,
                                    const std::optional<std::string> Document::*field) {
  std::map<std::string, std::pair<size_t, size_t>> votes;  // value -> (count, first position)
  for (size_t i = 0; i < articles.size(); ++i) {
    const auto& value = articles[i].*field;
    if (!value || value->empty()) continue;
    auto [entry, inserted] = votes.emplace(*value, std::make_pair(size_t{0}, i));
    ++entry->second.first;
  }
  std::optional<std::string> best;
  std::pair<size_t, size_t> best_vote{0, 0};
  for (const auto& [value, vote] : votes)
    if (!best || vote.first > best_vote.first || (vote.first == best_vote.first && vote.second < best_vote.second))
      best = value, best_vote = vote;
  return best;
}

// No article has a title (feed items often do not): the opening words of the first text stand
// in, cut at a word boundary, so that a story is never listed as untitled when it says something.
std::optional<std::string> title_from_text(const std::vector<Document>& articles) {
  constexpr size_t kMostBytes = 90;
  for (const Document& article : articles) {
    const std::optional<std::string>& source = article.excerpt && !article.excerpt->empty() ? article.excerpt : article.text;
    if (!source || source->empty()) continue;
    std::string text = source->substr(0, source->find('\n'));
    if (text.size() > kMostBytes) {
      size_t cut = text.rfind(' ', kMostBytes);
      if (cut == std::string::npos || cut < kMostBytes / 2) cut = kMostBytes;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
      text = text.substr(0, cut) + "…";
    }
    if (!text.empty()) return text;
  }
  return std::nullopt;
}

}  // namespace

Story make_story_record(const std::string& id, const std::string& storyline_id, const std::vector<Document>& articles,
                        size_t article_count, int64_t now_unix, const std::vector<store::StoredCopy>& copies,
                        size_t copy_count, const Story* text_of) {
  Story record;
  record.id = id;
  record.storyline_id = storyline_id;
  record.article_count = std::max(article_count, articles.size());
  record.category = majority(articles, &Document::category);
  record.language = majority(articles, &Document::language);
  // The earliest and latest instants, each as its article wrote it (zone kept): compared as
  // times, not as text ("10:00+03:00" is before "08:00Z").
  for (const Document& article : articles) {
    const std::optional<Timestamp> when = Timestamp::parse(article.published);
    if (!when) continue;
    if (!record.first_published || when->unix_seconds() < record.first_published->unix_seconds())
      record.first_published = when;
    if (!record.last_published || when->unix_seconds() > record.last_published->unix_seconds()) record.last_published = when;
  }
  const std::vector<PublisherCoverage> coverage = story_coverage(articles, copies);
  record.publisher_count = coverage.size();

  summarize::OverviewText overview;
  if (text_of) {
    overview.headline = text_of->title.value_or("");
    overview.summary = text_of->overview.bullets;
    overview.quotes = text_of->overview.quotes;
    overview.topics = text_of->overview.topics;
  } else {
    overview = summarize::story_overview(articles);
  }
  // Each article scored once, for the heat and the record; with the last record, an article it
  // scored keeps its score (an article's text does not change under its id), so that a rewrite of
  // counts reads no text it has read before.
  std::vector<ArticleQualityScore> quality;
  std::vector<int> scores;
  quality.reserve(articles.size());
  scores.reserve(articles.size());
  const std::map<std::string, ArticleQualityScore> none;
  const std::map<std::string, ArticleQualityScore>& known = text_of ? text_of->overview.article_quality : none;
  for (const Document& article : articles) {
    if (const auto found = known.find(article.id); found != known.end()) {
      quality.push_back(found->second);
    } else {
      const rank::ArticleQuality scored = rank::article_quality(article);
      quality.push_back({scored.score, scored.parts.body, scored.parts.metadata, scored.parts.cleanliness});
    }
    scores.push_back(quality.back().score);
  }
  const rank::StoryHeat heat = rank::story_heat(articles, now_unix, scores);
  record.title = overview.headline.empty() ? std::nullopt : std::optional(overview.headline);
  if (!record.title)
    for (const Document& article : articles)
      if (article.title && !article.title->empty()) {
        record.title = article.title;
        break;
      }
  if (!record.title) record.title = title_from_text(articles);
  record.heat = heat.value;
  record.heat_rank = rank::heat_rank_key(heat);

  StoryOverview& stored = record.overview;
  stored.bullets = overview.summary;
  for (const StoryBullet& bullet : overview.summary) record.summary_text += bullet.text + "\n";
  stored.quotes = overview.quotes;
  stored.topics = overview.topics;
  for (const PublisherCoverage& publisher : coverage) {
    if (!publisher.publisher.name.empty()) stored.publishers.push_back(publisher.publisher.name);
    stored.coverage.push_back({publisher.publisher.key, publisher.publisher.name, publisher.articles, publisher.copies});
  }
  stored.copy_count = std::max(copy_count, copies.size());
  stored.heat = {heat.base, heat.parts.publishers, heat.parts.velocity, heat.parts.quality, heat.parts.recency, now_unix};
  for (size_t i = 0; i < articles.size(); ++i) stored.article_quality[articles[i].id] = quality[i];
  return record;
}

}  // namespace storyline::pipeline
