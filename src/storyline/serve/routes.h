#pragma once
// The API's routes, one file per group, installed on the server by HttpServer.
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "storyline/serve/http_message.h"
#include "storyline/serve/router.h"
#include "storyline/serve/server_state.h"
#include "storyline/serve/web_files.h"

namespace storyline::serve {

void install_article_routes(Router& router, ServerState& state);  // /api/articles, /api/search
void install_story_routes(Router& router, ServerState& state);    // /api/stories, /api/languages
void install_source_routes(Router& router, ServerState& state);   // /api/sources
void install_feed_routes(Router& router, ServerState& state);     // /feeds/...: Atom and JSON Feed
void install_contest_routes(Router& router, ServerState& state);  // PUT/DELETE /{name}, /threads
// /, /style.css, /app.js: the page's files, from `source`.
void install_web_routes(Router& router, std::shared_ptr<const WebFileSource> source);

// What a cached answer is: JSON unless told otherwise. A body that links to the address it was
// asked at (a feed's links) names that address, and is cached per address.
struct CachedAnswerKind {
  const char* content_type = "application/json; charset=utf-8";
  std::string base_url;
};

// A read-only answer from the cache, else computed from the last committed records (never
// waiting for a write) and cached until the store changes. `compute` returns the body, or sets an error on the
// response and returns nullopt.
void answer_cached(ServerState& state, const Request& request, Response& response,
                   const std::function<std::optional<std::string>(Response&)>& compute, const CachedAnswerKind& kind = {});

// Shared by the API and the feeds, so that both answer the same question the same way.
// Answers 400 (naming the categories) and returns true when `name` is no category.
bool reject_unknown_category(const std::string& name, Response& response);
// /api/search's filters (since, until, domain, category, language, entity, limit); nullopt after
// answering 400 for a bad limit.
std::optional<store::SearchFilters> search_filters(const Request& request, Response& response);

}  // namespace storyline::serve
