#pragma once
// The API's routes, one file per group, installed on the server by HttpServer.
#include <httplib.h>

#include <functional>
#include <string>

#include "storyline/serve/server_state.h"

namespace storyline::serve {

void install_article_routes(httplib::Server& server, ServerState& state);  // /api/articles, /api/search
void install_story_routes(httplib::Server& server, ServerState& state);    // /api/stories
void install_source_routes(httplib::Server& server, ServerState& state);   // /api/sources
void install_contest_routes(httplib::Server& server, ServerState& state);  // PUT/DELETE /{name}, /threads

// A read-only JSON answer from the cache, else computed (with story records brought up to date
// first) and cached until the store changes. `compute` returns the body, or sets an error on the
// response and returns nullopt.
void answer_cached(ServerState& state, const httplib::Request& request, httplib::Response& response,
                   const std::function<std::optional<std::string>(httplib::Response&)>& compute);

}  // namespace storyline::serve
