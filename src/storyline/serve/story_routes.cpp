// GET /api/stories (ranked, filtered) and GET /api/stories/{id}.
#include "storyline/label/category.h"
#include "storyline/pipeline/story_output.h"
#include "storyline/serve/http_helpers.h"
#include "storyline/serve/routes.h"

namespace storyline::serve {

void install_story_routes(httplib::Server& server, ServerState& state) {
  server.Get("/api/stories", [&state](const httplib::Request& request, httplib::Response& response) {
    store::StoryQuery query;
    const auto limit = count_parameter(request, "limit", 20, 500);
    if (!limit) return reply_error(response, 400, "limit must be a number from 1 to 500");
    // A list shows a few articles per story; article_count says how many there are.
    const auto articles = count_parameter(request, "articles", 5, 1000);
    if (!articles) return reply_error(response, 400, "articles must be a number from 1 to 1000");
    query.limit = *limit;
    query.category = parameter(request, "category");
    if (query.category && !label::category_from_name(*query.category))
      return reply_error(response, 400, "unknown category '" + *query.category +
                                            "': society, economy, technology, science, sports, entertainment, other");
    query.language = parameter(request, "language");
    query.since = parameter(request, "since");
    query.storyline = parameter(request, "storyline");
    answer_cached(state, request, response, [&](httplib::Response&) -> std::optional<std::string> {
      store::DocumentStore& store = state.reader();
      const int64_t now = pipeline::heat_reference_time(store);
      std::string body = "{\"stories\": [";
      bool first = true;
      for (const store::StoryRecord& story : store.stories(query)) {
        if (!first) body += ", ";
        first = false;
        body += pipeline::story_to_json(story, store.story_articles(story.id, *articles), now);
      }
      return body + "]}";
    });
  });

  server.Get(R"(/api/stories/([^/]+))", [&state](const httplib::Request& request, httplib::Response& response) {
    answer_cached(state, request, response, [&](httplib::Response& failed) -> std::optional<std::string> {
      store::DocumentStore& store = state.reader();
      const auto story = store.story(request.matches[1].str());
      if (!story) {
        reply_error(failed, 404, "no story with id '" + request.matches[1].str() + "'");
        return std::nullopt;
      }
      return pipeline::story_to_json(*story, store.story_articles(story->id), pipeline::heat_reference_time(store));
    });
  });
}

}  // namespace storyline::serve
