// GET /api/stories (ranked, filtered), GET /api/stories/{id}, its coverage chart
// (/api/stories/{id}/coverage.svg) and GET /api/languages (the stories' languages).
#include <algorithm>
#include <nlohmann/json.hpp>

#include "storyline/core/iso_time.h"
#include "storyline/label/category.h"
#include "storyline/pipeline/story_output.h"
#include "storyline/serve/coverage_chart.h"
#include "storyline/serve/http_helpers.h"
#include "storyline/serve/routes.h"

namespace storyline::serve {
namespace {

using nlohmann::json;

// A storyline rarely holds more stories than a reader would scroll through; past this the
// timeline keeps the hottest.
constexpr size_t kMostTimelineStories = 100;
// Paging deeper than this is a crawl, not a reader: SQLite walks every skipped row.
constexpr size_t kMostOffset = 100000;

// What a page needs to link to a story: its headline, dates, heat and size.
json story_reference(const Story& story, int64_t now) {
  const auto optional_value = [](const std::optional<std::string>& value) { return value ? json(*value) : json(); };
  return {{"id", story.id},
          {"title", optional_value(story.title)},
          {"first_published", optional_value(timestamp_text(story.first_published))},
          {"last_published", optional_value(timestamp_text(story.last_published))},
          {"heat", pipeline::shown_heat(story, now)},
          {"article_count", story.article_count},
          {"publisher_count", story.publisher_count}};
}

// The stories of `story`'s storyline (itself included) in the order their events began: what
// the story page shows as the storyline's timeline.
json storyline_timeline(const store::Store& store, const Story& story, int64_t now) {
  json timeline = json::array();
  for (const Story& entry : store::read_storyline(store.stories(), story.storyline_id, kMostTimelineStories).timeline)
    timeline.push_back(story_reference(entry, now));
  return timeline;
}

// Each related storyline (most similar first) by its hottest story: where the story page links
// to. A storyline merged away since the ids were written has no stories and is left out.
json related_storylines(const store::Store& store, const std::vector<std::string>& storyline_ids, int64_t now) {
  json related = json::array();
  for (const std::string& id : storyline_ids) {
    store::StoryQuery query;
    query.storyline = id;
    query.limit = 1;
    const std::vector<Story> hottest = store.stories().list(query);
    if (hottest.empty()) continue;
    json reference = story_reference(hottest.front(), now);
    reference["storyline"] = *query.storyline;
    related.push_back(std::move(reference));
  }
  return related;
}

}  // namespace

bool reject_unknown_category(const std::string& name, Response& response) {
  if (label::category_from_name(name)) return false;
  reply_error(response, 400, "unknown category '" + name + "': " + label::joined_category_names());
  return true;
}

void install_story_routes(Router& router, ServerState& state) {
  router.get("/api/stories", [&state](const Request& request, Response& response) {
    store::StoryQuery query;
    const auto limit = count_parameter(request, "limit", 20, 500);
    if (!limit) return reply_error(response, 400, "limit must be a number from 1 to 500");
    const auto offset = index_parameter(request, "offset", kMostOffset);
    if (!offset) return reply_error(response, 400, "offset must be a number from 0 to " + std::to_string(kMostOffset));
    const auto since = time_parameter(request, "since");
    if (!since) return reply_error(response, 400, std::string(kTimeParameterError));
    // A list shows a few articles per story; article_count says how many there are.
    const auto articles = count_parameter(request, "articles", 3, 1000);
    if (!articles) return reply_error(response, 400, "articles must be a number from 1 to 1000");
    query.limit = *limit;
    query.offset = *offset;
    query.since = *since;
    query.category = parameter(request, "category");
    if (query.category && reject_unknown_category(*query.category, response)) return;
    query.language = parameter(request, "language");
    query.storyline = parameter(request, "storyline");
    // text=0 leaves the articles' bodies out (null): a front page shows headlines, and bodies
    // are most of the bytes.
    const bool without_text = parameter(request, "text") == "0";
    // detail=full adds what a story's own answer has (bullets, quotes, per-publisher coverage):
    // left out by default, they tripled the bytes of a list.
    const auto detail_name = parameter(request, "detail");
    if (detail_name && *detail_name != "full" && *detail_name != "list")
      return reply_error(response, 400, "detail must be 'list' or 'full'");
    const auto detail = detail_name == "full" ? pipeline::StoryDetail::full : pipeline::StoryDetail::list;
    answer_cached(state, request, response, [&](Response&) -> std::optional<std::string> {
      store::Store& store = state.reader();
      const int64_t now = pipeline::heat_reference_time(store);
      std::string body = "{\"stories\": [";
      bool first = true;
      for (const Story& story : store.stories().list(query)) {
        if (!first) body += ", ";
        first = false;
        pipeline::StoryArticles listed = pipeline::read_story_articles(store, story.id, *articles);
        if (without_text)
          for (Document& article : listed.articles) article.text.reset();
        body += pipeline::story_to_json(story, listed.articles, now, detail, listed.copies);
      }
      return body + "]}";
    });
  });

  // The languages of the stored stories with their counts: what the front page offers to read
  // the top stories in (its language choice), so that it never offers an empty one.
  router.get("/api/languages", [&state](const Request& request, Response& response) {
    answer_cached(state, request, response, [&](Response&) -> std::optional<std::string> {
      json languages = json::array();
      for (const store::StoryLanguage& language : state.reader().stories().languages())
        languages.push_back({{"language", language.language}, {"stories", language.stories}});
      return json{{"languages", std::move(languages)}}.dump(-1, ' ', false, json::error_handler_t::replace);
    });
  });

  // A story's coverage over time as an SVG chart (coverage_chart.h) that the story page shows as
  // an image. Opened on its own, it may run nothing and load nothing (its own policy).
  router.get(R"(/api/stories/([^/]+)/coverage\.svg)", [&state](const Request& request, Response& response) {
    response.set_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    answer_cached(state, request, response,
                  [&](Response& failed) -> std::optional<std::string> {
                    store::Store& store = state.reader();
                    const auto story = store.stories().get(request.matches[1]);
                    if (!story) {
                      reply_error(failed, 404, "no story with id '" + request.matches[1] + "'");
                      return std::nullopt;
                    }
                    // Every publication counts: the articles and the copies other publishers printed.
                    pipeline::StoryArticles read = pipeline::read_story_articles(store, story->id);
                    std::vector<Document> copies;
                    copies.reserve(read.copies.size());
                    for (store::StoredCopy& copy : read.copies) copies.push_back(std::move(copy.document));
                    return coverage_chart_svg(count_coverage(read.articles, copies));
                  },
                  {"image/svg+xml; charset=utf-8", ""});
  });

  router.get(R"(/api/stories/([^/]+))", [&state](const Request& request, Response& response) {
    answer_cached(state, request, response, [&](Response& failed) -> std::optional<std::string> {
      store::Store& store = state.reader();
      const auto story = store.stories().get(request.matches[1]);
      if (!story) {
        reply_error(failed, 404, "no story with id '" + request.matches[1] + "'");
        return std::nullopt;
      }
      const int64_t now = pipeline::heat_reference_time(store);
      // The story JSON of INTERFACE.md plus the storyline's timeline and the related storylines'
      // stories, which only this page needs.
      const pipeline::StoryArticles read = pipeline::read_story_articles(store, story->id);
      json value = json::parse(
          pipeline::story_to_json(*story, read.articles, now, pipeline::StoryDetail::full, read.copies));
      value["timeline"] = storyline_timeline(store, *story, now);
      const std::vector<std::string> related_ids = store.stories().related_storylines(story->storyline_id);
      value["related"] = related_storylines(store, related_ids, now);
      value["related_storylines"] = json::array();
      for (const json& reference : value["related"]) value["related_storylines"].push_back(reference["storyline"]);
      return value.dump(-1, ' ', false, json::error_handler_t::replace);
    });
  });
}

}  // namespace storyline::serve
