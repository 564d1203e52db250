#include "storyline/pipeline/story_output.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>

#include "storyline/core/document_json_detail.h"
#include "storyline/core/iso_time.h"
#include "storyline/core/publisher.h"
#include "storyline/core/story_overview_json_detail.h"
#include "storyline/pipeline/story_record.h"
#include "storyline/pipeline/story_sources.h"
#include "storyline/rank/story_heat.h"

namespace storyline::pipeline {
namespace {

using nlohmann::json;

json optional_value(const std::optional<std::string>& value) { return value ? json(*value) : json(nullptr); }

// Two decimals are plenty to rank and to read.
double rounded(double value) { return std::round(value * 100.0) / 100.0; }

// The article the record leads with: the one whose title became the story's headline, else the
// first that arrived.
size_t lead_article(const Story& story, const std::vector<Document>& articles) {
  for (size_t i = 0; i < articles.size(); ++i)
    if (story.title && articles[i].title == story.title) return i;
  return 0;
}

void emit_string(YAML::Emitter& out, const char* key, const std::optional<std::string>& value) {
  if (!value) return;
  out << YAML::Key << key << YAML::Value << YAML::DoubleQuoted << *value;
}

// Dates are written bare, as in seeds/000 (publishedDateTime: 2021-10-09T09:07:00Z).
void emit_date(YAML::Emitter& out, const std::optional<std::string>& value) {
  if (!value) return;
  out << YAML::Key << "publishedDateTime" << YAML::Value << *value;
}

// seeds/000's provider: {name, domain}, by core/publisher.h's definition.
void emit_provider(YAML::Emitter& out, const Document& article) {
  const Publisher publisher = publisher_of(article);
  if (publisher.name.empty()) return;
  out << YAML::Key << "provider" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "name" << YAML::Value << publisher.name;
  if (!publisher.key.starts_with("site:") && !publisher.key.starts_with("id:"))
    out << YAML::Key << "domain" << YAML::Value << publisher.key;
  out << YAML::EndMap;
}

json publisher_json(const Publisher& publisher) { return {{"key", publisher.key}, {"name", publisher.name}}; }

void emit_images(YAML::Emitter& out, const Document& article) {
  if (article.images.empty()) return;
  out << YAML::Key << "images" << YAML::Value << YAML::BeginSeq;
  for (const Image& image : article.images) {
    out << YAML::BeginMap << YAML::Key << "url" << YAML::Value << YAML::DoubleQuoted << image.url;
    if (image.width) out << YAML::Key << "width" << YAML::Value << *image.width;
    if (image.height) out << YAML::Key << "height" << YAML::Value << *image.height;
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

std::optional<std::string> excerpt_of(const Document& article) {
  if (article.excerpt && !article.excerpt->empty()) return article.excerpt;
  if (!article.text || article.text->empty()) return std::nullopt;
  // The first paragraph stands in for a missing standfirst.
  const std::string& text = *article.text;
  return text.substr(0, text.find("\n\n"));
}

}  // namespace

double shown_heat(const Story& story, std::optional<int64_t> now_unix) {
  // A story newer than the store's "now" (a few articles newer than the rest of an archive) has
  // not decayed: it shows the heat it was written with. heat_at assumes a "now" no earlier than
  // the one its key was made at, and grows without bound before it.
  if (now_unix && story.last_published && story.last_published->unix_seconds() > *now_unix) return rounded(story.heat);
  return rounded(now_unix ? rank::heat_at(story.heat_rank, *now_unix) : story.heat);
}

int64_t heat_reference_time(const store::Store& store) {
  const int64_t clock =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  // A page dated in the future (a misread year, "2033") is no evidence of what "now" is: only
  // dates up to the clock count. Compared as text (ISO 8601 puts the year first, so text order
  // is time order; a zone offset blurs it by hours at most). Nor is a handful of articles much
  // newer than the rest (a misdated page, a few old seeds beside an archive of 2019): the tenth
  // newest is "now", seconds before the newest in a live store.
  constexpr size_t kNewerOutliers = 9;
  const auto newest = store.documents().newest_published(iso_utc(clock), kNewerOutliers);
  const auto unix = newest ? parse_iso_unix(*newest) : std::nullopt;
  return unix ? std::min(*unix, clock) : clock;
}

StoryArticles read_story_articles(const store::Store& store, const std::string& story_id, size_t limit) {
  StoryArticles read;
  read.articles = store.stories().articles(story_id, limit);
  std::vector<std::string> ids;
  ids.reserve(read.articles.size());
  for (const Document& article : read.articles) ids.push_back(article.id);
  read.copies = store.stories().copies_of(ids, kStoryCopiesRead);
  return read;
}

std::string story_to_json(const Story& story, const std::vector<Document>& articles, std::optional<int64_t> now_unix,
                          StoryDetail detail, const std::vector<store::StoredCopy>& copies) {
  const json overview = story_overview_to_json_value(story.overview);
  const std::map<std::string, ArticleSources> sources = article_sources(articles, copies);
  json listed = json::array();
  for (const Document& article : articles) {
    json value = document_to_json_value(article);
    value["quality"] = story.overview.quality_of(article.id);
    const ArticleSources& source = sources.at(article.id);
    value["publisher"] = publisher_json(source.publisher);
    value["copy_count"] = source.copy_count;
    json also = json::array();
    for (const CopySource& copy : source.also_published_by) {
      json entry = publisher_json(copy.publisher);
      entry["id"] = copy.id;
      entry["url"] = optional_value(copy.url);
      also.push_back(std::move(entry));
    }
    value["also_published_by"] = std::move(also);
    listed.push_back(std::move(value));
  }
  json value = {
      {"id", story.id},
      {"title", optional_value(story.title)},
      {"summary", overview.at("summary")},
      {"heat", shown_heat(story, now_unix)},
      {"category", optional_value(story.category)},
      {"language", optional_value(story.language)},
      {"first_published", optional_value(timestamp_text(story.first_published))},
      {"last_published", optional_value(timestamp_text(story.last_published))},
      {"storyline", story.storyline_id},
      {"articles", std::move(listed)},
      {"article_count", story.article_count},
      {"publisher_count", story.publisher_count},
      {"copy_count", story.overview.copy_count},
      {"topics", story.overview.topics},
  };
  if (detail == StoryDetail::full) {
    for (const char* part : {"heat_parts", "publishers", "coverage", "bullets", "quotes"}) value[part] = overview.at(part);
  }
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string story_to_front_matter(const Story& story, const std::vector<Document>& articles,
                                  std::optional<int64_t> now_unix) {
  const StoryOverview& overview = story.overview;
  YAML::Emitter out;
  out.SetDoublePrecision(4);
  out << YAML::BeginMap;
  out << YAML::Key << "category" << YAML::Value << story.category.value_or("other");
  emit_string(out, "title", story.title);
  if (!articles.empty()) {
    const Document& lead = articles[lead_article(story, articles)];
    emit_string(out, "excerpt", excerpt_of(lead));
    emit_date(out, lead.published);
    emit_string(out, "originalUrl", lead.url);
    emit_string(out, "webUrl", lead.url);
    out << YAML::Key << "type" << YAML::Value << "article";
    out << YAML::Key << "quality" << YAML::Value << overview.quality_of(lead.id);
    out << YAML::Key << "heat" << YAML::Value << shown_heat(story, now_unix);
    emit_provider(out, lead);
    emit_images(out, lead);
  }
  out << YAML::Key << "topics" << YAML::Value << YAML::BeginSeq;
  for (const std::string& topic : overview.topics) out << topic;
  out << YAML::EndSeq;
  out << YAML::Key << "summary" << YAML::Value << YAML::BeginSeq;
  for (const StoryBullet& bullet : overview.bullets) out << YAML::DoubleQuoted << bullet.text;
  out << YAML::EndSeq;
  if (!overview.quotes.empty()) {
    out << YAML::Key << "quotes" << YAML::Value << YAML::BeginSeq;
    for (const StoryQuote& quote : overview.quotes) {
      out << YAML::BeginMap;
      out << YAML::Key << "speaker" << YAML::Value << quote.speaker;
      if (quote.speaker_role) out << YAML::Key << "role" << YAML::Value << *quote.speaker_role;
      out << YAML::Key << "text" << YAML::Value << YAML::DoubleQuoted << quote.text;
      if (quote.reported) out << YAML::Key << "reported" << YAML::Value << true;
      out << YAML::EndMap;
    }
    out << YAML::EndSeq;
  }
  out << YAML::Key << "storyline" << YAML::Value << story.storyline_id;
  out << YAML::Key << "related" << YAML::Value << YAML::BeginSeq;
  const size_t lead = articles.empty() ? 0 : lead_article(story, articles);
  for (size_t i = 0; i < articles.size(); ++i) {
    if (i == lead) continue;
    const Document& article = articles[i];
    out << YAML::BeginMap;
    emit_string(out, "title", article.title);
    emit_string(out, "excerpt", excerpt_of(article));
    emit_date(out, article.published);
    emit_string(out, "webUrl", article.url);
    out << YAML::Key << "type" << YAML::Value << "article";
    emit_provider(out, article);
    out << YAML::Key << "quality" << YAML::Value << overview.quality_of(article.id);
    emit_images(out, article);
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
  out << YAML::EndMap;
  return std::string("---\n") + out.c_str() + "\n---\n";
}

}  // namespace storyline::pipeline
