// GET /api/articles/{id}, POST /api/articles, GET /api/search.
#include <nlohmann/json.hpp>

#include "storyline/core/document_json_detail.h"
#include "storyline/core/publisher.h"
#include "storyline/ingest/read_documents.h"
#include "storyline/pipeline/story_output.h"
#include "storyline/queue/jetstream.h"
#include "storyline/serve/http_helpers.h"
#include "storyline/serve/routes.h"

namespace storyline::serve {

using nlohmann::json;

std::optional<store::SearchFilters> search_filters(const Request& request, Response& response) {
  store::SearchFilters filters;
  const auto since = time_parameter(request, "since"), until = time_parameter(request, "until");
  if (!since || !until) {
    reply_error(response, 400, std::string(kTimeParameterError));
    return std::nullopt;
  }
  filters.since = *since;
  filters.until = *until;
  filters.domain = parameter(request, "domain");
  filters.category = parameter(request, "category");
  filters.language = parameter(request, "language");
  filters.entity = parameter(request, "entity");
  const auto limit = count_parameter(request, "limit", 20, 500);
  if (!limit) {
    reply_error(response, 400, "limit must be a number from 1 to 500");
    return std::nullopt;
  }
  filters.limit = *limit;
  return filters;
}

void install_article_routes(Router& router, ServerState& state) {
  router.get(R"(/api/articles/([^/]+))", [&state](const Request& request, Response& response) {
    store::Store& store = state.reader();
    const auto document = store.documents().get(request.matches[1]);
    if (!document) return reply_error(response, 404, "no article with id '" + request.matches[1] + "'");
    json value = document_to_json_value(*document);
    // Beyond the document: its publisher as every story counts it, and for a copy the article it copies.
    const Publisher publisher = publisher_of(*document);
    value["publisher"] = {{"key", publisher.key}, {"name", publisher.name}};
    const auto original = store.fingerprints().duplicate_of(document->id);
    value["duplicate_of"] = original ? json(*original) : json(nullptr);
    // The story the article is in (a copy's is its original's), so that its page links there
    // whichever page it was reached from; null for not-news, which forms no story.
    auto story_id = store.stories().story_of(document->id);
    if (!story_id && original) story_id = store.stories().story_of(*original);
    json story = nullptr;
    if (story_id)
      if (const auto record = store.stories().get(*story_id))
        story = {{"id", record->id},
                 {"title", record->title ? json(*record->title) : json(nullptr)},
                 {"article_count", record->article_count}};
    value["story"] = story;
    reply_json(response, 200, value);
  });

  router.post("/api/articles", [&state](const Request& request, Response& response) {
    if (request.body.empty()) return reply_error(response, 400, "empty body: send a document JSON or an HTML page");
    try {
      const auto outcomes = state.ingest_body(request.body, "api", parameter(request, "url"), std::nullopt, std::nullopt);
      if (outcomes.empty()) return reply_error(response, 422, "no article found in the body");
      json ids = json::array();
      for (const auto& outcome : outcomes) ids.push_back(outcome.id);
      reply_json(response, 201, {{"id", outcomes.front().id}, {"ids", ids}});
    } catch (const ingest::InputError& error) {
      reply_error(response, 400, error.what());
    } catch (const std::invalid_argument& error) {
      reply_error(response, 400, error.what());
    } catch (const queue::QueueError& error) {
      // serve --queue: JetStream did not store it (no quorum, unreachable); nothing was promised.
      response.set_header("Retry-After", "1");
      reply_error(response, 503, std::string("not stored, try again: ") + error.what());
    }
  });

  // Articles (without their full text: the snippet shows the match) and stories.
  router.get("/api/search", [&state](const Request& request, Response& response) {
    const auto query = parameter(request, "q");
    if (!query) return reply_error(response, 400, "missing q: /api/search?q=words");
    const auto filters = search_filters(request, response);
    if (!filters) return;
    answer_cached(state, request, response, [&](Response& failed) -> std::optional<std::string> {
      try {
        json articles = json::array();
        for (const auto& hit : state.reader().documents().search(*query, *filters)) {
          json item = document_to_json_value(hit.document);
          item.erase("text");
          const Publisher publisher = publisher_of(hit.document);
          item["publisher"] = {{"key", publisher.key}, {"name", publisher.name}};
          // A copy is found as itself; this says whose copy it is (as /api/articles/{id} does).
          item["duplicate_of"] = hit.duplicate_of ? json(*hit.duplicate_of) : json(nullptr);
          item["score"] = hit.score;
          item["snippet"] = hit.snippet;
          articles.push_back(std::move(item));
        }
        json stories = json::array();
        for (const auto& hit : state.reader().stories().search(*query, filters->limit)) {
          json item = json::parse(pipeline::story_to_json(hit.story, {}, std::nullopt, pipeline::StoryDetail::list));
          item.erase("articles");
          item["score"] = hit.score;
          item["snippet"] = hit.snippet;
          stories.push_back(std::move(item));
        }
        return json{{"query", *query}, {"articles", articles}, {"stories", stories}}.dump(-1, ' ', false,
                                                                                          json::error_handler_t::replace);
      } catch (const std::invalid_argument& error) {
        reply_error(failed, 400, error.what());
        return std::nullopt;
      } catch (const store::SearchTimeout& error) {
        failed.set_header("Retry-After", "1");
        reply_error(failed, 503, error.what());
        return std::nullopt;
      }
    });
  });
}

}  // namespace storyline::serve
