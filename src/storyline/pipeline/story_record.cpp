#include "storyline/pipeline/story_record.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "storyline/pipeline/story_sources.h"
#include "storyline/rank/article_quality.h"
#include "storyline/rank/story_heat.h"
#include "storyline/summarize/story_overview.h"

namespace storyline::pipeline {
namespace {

using nlohmann::json;

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

store::StoryRecord make_story_record(const std::string& id, const std::string& storyline_id,
                                     const std::vector<Document>& articles, size_t article_count, int64_t now_unix,
                                     const std::vector<store::StoredCopy>& copies, size_t copy_count) {
  store::StoryRecord record;
  record.id = id;
  record.storyline_id = storyline_id;
  record.article_count = std::max(article_count, articles.size());
  record.category = majority(articles, &Document::category);
  record.language = majority(articles, &Document::language);
  for (const Document& article : articles) {
    if (!article.published) continue;
    if (!record.first_published || *article.published < *record.first_published) record.first_published = article.published;
    if (!record.last_published || *article.published > *record.last_published) record.last_published = article.published;
  }
  const std::vector<PublisherCoverage> coverage = story_coverage(articles, copies);
  record.publisher_count = coverage.size();

  const summarize::StoryOverview overview = summarize::story_overview(articles);
  const rank::StoryHeat heat = rank::story_heat(articles, now_unix);
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

  json bullets = json::array(), summary = json::array(), quotes = json::array();
  for (const summarize::Bullet& bullet : overview.summary) {
    summary.push_back(bullet.text);
    bullets.push_back({{"text", bullet.text}, {"publishers", bullet.publishers}, {"documents", bullet.document_ids}});
    record.summary_text += bullet.text + "\n";
  }
  for (const summarize::Quote& quote : overview.quotes) {
    quotes.push_back({{"text", quote.text},
                      {"speaker", quote.speaker},
                      {"speaker_role", quote.speaker_role ? json(*quote.speaker_role) : json(nullptr)},
                      {"reported", quote.reported},
                      {"document", quote.document_id},
                      {"publisher", quote.publisher}});
  }
  json publishers = json::array(), coverage_json = json::array();
  for (const PublisherCoverage& publisher : coverage) {
    if (!publisher.publisher.name.empty()) publishers.push_back(publisher.publisher.name);
    coverage_json.push_back({{"key", publisher.publisher.key},
                             {"name", publisher.publisher.name},
                             {"articles", publisher.articles},
                             {"copies", publisher.copies}});
  }
  json quality = json::object();
  for (const Document& article : articles) {
    const rank::ArticleQuality scored = rank::article_quality(article);
    quality[article.id] = {{"score", scored.score},
                           {"body", scored.parts.body},
                           {"metadata", scored.parts.metadata},
                           {"cleanliness", scored.parts.cleanliness}};
  }
  const json overview_json = {
      {"summary", summary},
      {"bullets", bullets},
      {"quotes", quotes},
      {"topics", overview.topics},
      {"publishers", publishers},
      {"coverage", coverage_json},
      {"copy_count", std::max(copy_count, copies.size())},
      {"heat_parts",
       {{"base", heat.base},
        {"publishers", heat.parts.publishers},
        {"velocity", heat.parts.velocity},
        {"quality", heat.parts.quality},
        {"recency", heat.parts.recency},
        {"now", now_unix}}},
      {"article_quality", quality},
  };
  record.overview_json = overview_json.dump(-1, ' ', false, json::error_handler_t::replace);
  return record;
}

}  // namespace storyline::pipeline
