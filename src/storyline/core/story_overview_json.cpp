#include "storyline/core/story_overview_json.h"

#include "storyline/core/story_overview_json_detail.h"

namespace storyline {
namespace {

using nlohmann::json;

json optional_text(const std::optional<std::string>& value) { return value ? json(*value) : json(nullptr); }

// Readers that leave the field at its default when it is missing or of another type.
template <typename T>
void read(const json& object, const char* key, T& field) {
  const auto found = object.find(key);
  if (found == object.end()) return;
  try {
    field = found->get<T>();
  } catch (const json::exception&) {
  }
}

void read_optional(const json& object, const char* key, std::optional<std::string>& field) {
  const auto found = object.find(key);
  if (found != object.end() && found->is_string()) field = found->get<std::string>();
}

void read_strings(const json& object, const char* key, std::vector<std::string>& field) {
  const auto found = object.find(key);
  if (found == object.end() || !found->is_array()) return;
  for (const json& item : *found)
    if (item.is_string()) field.push_back(item.get<std::string>());
}

const json& array_or_empty(const json& object, const char* key) {
  static const json kEmpty = json::array();
  const auto found = object.find(key);
  return found != object.end() && found->is_array() ? *found : kEmpty;
}

}  // namespace

json story_overview_to_json_value(const StoryOverview& overview) {
  json summary = json::array(), bullets = json::array(), quotes = json::array(), coverage = json::array();
  for (const StoryBullet& bullet : overview.bullets) {
    summary.push_back(bullet.text);
    bullets.push_back({{"text", bullet.text}, {"publishers", bullet.publishers}, {"documents", bullet.document_ids}});
  }
  for (const StoryQuote& quote : overview.quotes)
    quotes.push_back({{"text", quote.text},
                      {"speaker", quote.speaker},
                      {"speaker_role", optional_text(quote.speaker_role)},
                      {"reported", quote.reported},
                      {"told_to", optional_text(quote.told_to)},
                      {"via", optional_text(quote.via)},
                      {"document", quote.document_id},
                      {"publisher", quote.publisher}});
  for (const StoryPublisher& publisher : overview.coverage)
    coverage.push_back(
        {{"key", publisher.key}, {"name", publisher.name}, {"articles", publisher.articles}, {"copies", publisher.copies}});
  json quality = json::object();
  for (const auto& [id, scored] : overview.article_quality)
    quality[id] = {{"score", scored.score},
                   {"body", scored.body},
                   {"metadata", scored.metadata},
                   {"cleanliness", scored.cleanliness}};
  const StoryHeatParts& heat = overview.heat;
  return {
      {"summary", std::move(summary)},
      {"bullets", std::move(bullets)},
      {"quotes", std::move(quotes)},
      {"topics", overview.topics},
      {"publishers", overview.publishers},
      {"coverage", std::move(coverage)},
      {"copy_count", overview.copy_count},
      {"heat_parts",
       {{"base", heat.base},
        {"publishers", heat.publishers},
        {"velocity", heat.velocity},
        {"quality", heat.quality},
        {"recency", heat.recency},
        {"now", heat.now}}},
      {"article_quality", std::move(quality)},
  };
}

StoryOverview story_overview_from_json_value(const json& value) {
  StoryOverview overview;
  if (!value.is_object()) return overview;
  for (const json& item : array_or_empty(value, "bullets")) {
    if (!item.is_object()) continue;
    StoryBullet bullet;
    read(item, "text", bullet.text);
    read_strings(item, "publishers", bullet.publishers);
    read_strings(item, "documents", bullet.document_ids);
    overview.bullets.push_back(std::move(bullet));
  }
  // A record with sentences but no bullets (none such is written; a hand-made one may be).
  if (overview.bullets.empty())
    for (const json& sentence : array_or_empty(value, "summary"))
      if (sentence.is_string()) overview.bullets.push_back({sentence.get<std::string>(), {}, {}});
  for (const json& item : array_or_empty(value, "quotes")) {
    if (!item.is_object()) continue;
    StoryQuote quote;
    read(item, "text", quote.text);
    read(item, "speaker", quote.speaker);
    read_optional(item, "speaker_role", quote.speaker_role);
    read(item, "reported", quote.reported);
    read_optional(item, "told_to", quote.told_to);
    read_optional(item, "via", quote.via);
    read(item, "document", quote.document_id);
    read(item, "publisher", quote.publisher);
    overview.quotes.push_back(std::move(quote));
  }
  read_strings(value, "topics", overview.topics);
  read_strings(value, "publishers", overview.publishers);
  for (const json& item : array_or_empty(value, "coverage")) {
    if (!item.is_object()) continue;
    StoryPublisher publisher;
    read(item, "key", publisher.key);
    read(item, "name", publisher.name);
    read(item, "articles", publisher.articles);
    read(item, "copies", publisher.copies);
    overview.coverage.push_back(std::move(publisher));
  }
  read(value, "copy_count", overview.copy_count);
  if (const auto heat = value.find("heat_parts"); heat != value.end() && heat->is_object()) {
    read(*heat, "base", overview.heat.base);
    read(*heat, "publishers", overview.heat.publishers);
    read(*heat, "velocity", overview.heat.velocity);
    read(*heat, "quality", overview.heat.quality);
    read(*heat, "recency", overview.heat.recency);
    read(*heat, "now", overview.heat.now);
  }
  if (const auto quality = value.find("article_quality"); quality != value.end() && quality->is_object())
    for (const auto& [id, item] : quality->items()) {
      if (!item.is_object()) continue;
      ArticleQualityScore scored;
      read(item, "score", scored.score);
      read(item, "body", scored.body);
      read(item, "metadata", scored.metadata);
      read(item, "cleanliness", scored.cleanliness);
      overview.article_quality.emplace(id, scored);
    }
  return overview;
}

std::string story_overview_to_json(const StoryOverview& overview) {
  return story_overview_to_json_value(overview).dump(-1, ' ', false, json::error_handler_t::replace);
}

StoryOverview story_overview_from_json(std::string_view text) {
  return story_overview_from_json_value(json::parse(text, nullptr, false));
}

}  // namespace storyline
