// The Telegram data-clustering contest (2020) server API: PUT /{name} (an article's HTML, with
// Cache-Control: max-age as its time to live), DELETE /{name}, GET /threads.
#include <ctime>
#include <nlohmann/json.hpp>
#include <regex>
#include <stdexcept>
#include <string_view>

#include "storyline/core/ascii.h"
#include "storyline/core/iso_time.h"
#include "storyline/ingest/read_documents.h"
#include "storyline/label/category.h"
#include "storyline/queue/jetstream.h"
#include "storyline/rank/story_heat.h"
#include "storyline/serve/http_helpers.h"
#include "storyline/serve/routes.h"

namespace storyline::serve {
namespace {

using nlohmann::json;

// Contest article names: a file name, never a path ("../x", "a/b", ".hidden" are refused).
bool is_valid_article_name(const std::string& name) {
  static const std::regex kName(R"([A-Za-z0-9][A-Za-z0-9._-]{0,254})");
  return std::regex_match(name, kName) && name.find("..") == std::string::npos;
}

// The time to live in a Cache-Control header ("public, max-age=3600"): its max-age directive
// (RFC 9111 5.2: delta-seconds, digits only), nullopt when it has none. A max-age that is no
// number of seconds ("abc", "12abc", "-5", "") or two that differ throw std::invalid_argument
// naming it: taken as "no time to live", the article would never expire.
std::optional<int64_t> max_age(const std::vector<std::string_view>& cache_control) {
  std::optional<int64_t> seconds;
  // Every Cache-Control header the request has, as one list (RFC 9110 5.3).
  for (std::string_view value : cache_control)
    for (std::string_view directive : list_elements(value)) {
      const size_t equals = directive.find('=');
      if (lower_ascii(trim(directive.substr(0, equals))) != "max-age") continue;
      const std::string_view text = equals == std::string_view::npos ? std::string_view{}
                                                                     : trim(directive.substr(equals + 1));
      // 12 digits: over 30,000 years, and far from overflowing when added to the clock.
      const std::optional<uint64_t> parsed = text.size() > 12 ? std::nullopt : decimal_digits(text);
      if (!parsed)
        throw std::invalid_argument("Cache-Control: '" + std::string(directive) +
                                    "' is no time to live: give max-age as a whole number of seconds (max-age=3600)");
      if (seconds && *seconds != static_cast<int64_t>(*parsed))
        throw std::invalid_argument("Cache-Control gives two different max-age values: give one");
      seconds = static_cast<int64_t>(*parsed);
    }
  return seconds;
}

}  // namespace

void install_contest_routes(Router& router, ServerState& state) {
  // The threads (stories) of the last `period` seconds before the newest article, hottest
  // first, each with its articles' names. The index is built before the server listens, so
  // it is always ready (no 503).
  router.get("/threads", [&state](const Request& request, Response& response) {
    const auto period = count_parameter(request, "period", 86400, size_t{1} << 40);
    if (!period) return reply_error(response, 400, "period must be a number of seconds");
    store::StoryQuery query;
    query.limit = 1000;
    query.language = parameter(request, "lang_code");
    const auto category = parameter(request, "category");
    if (category && *category != "any") {
      if (!label::category_from_name(*category))
        return reply_error(response, 400, "unknown category '" + *category + "': any, " + label::joined_category_names());
      query.category = category;
    }
    answer_cached(state, request, response, [&](Response&) -> std::optional<std::string> {
      store::Store& store = state.reader();
      if (const auto newest = store.documents().newest_published())
        if (const auto unix = parse_iso_unix(*newest)) query.since = *unix - static_cast<int64_t>(*period);
      json threads = json::array();
      for (const Story& story : store.stories().list(query))
        threads.push_back({{"title", story.title ? json(*story.title) : json("")},
                           {"category", story.category ? json(*story.category) : json("other")},
                           {"articles", store.stories().document_ids(story.id)}});
      return json{{"threads", threads}}.dump(-1, ' ', false, json::error_handler_t::replace);
    });
  });

  router.put(R"(/([^/]+))", [&state](const Request& request, Response& response) {
    const std::string name = request.matches[1];
    if (!is_valid_article_name(name)) return reply_error(response, 400, "bad article name '" + name + "'");
    if (request.body.empty()) return reply_error(response, 400, "empty body: send the article's HTML");
    std::optional<int64_t> expires_at;
    try {
      if (const auto age = max_age(request.header_values("Cache-Control"))) expires_at = unix_now() + *age;
    } catch (const std::invalid_argument& error) {
      return reply_error(response, 400, error.what());
    }
    try {
      const bool existed = state.reader().documents().get(name).has_value();
      const auto outcomes = state.ingest_body(request.body, name, std::nullopt, name, expires_at);
      if (outcomes.empty()) return reply_error(response, 422, "no article found in the body");
      response.status = existed ? 204 : 201;
    } catch (const ingest::InputError& error) {
      reply_error(response, 400, error.what());
    } catch (const queue::QueueError& error) {
      response.set_header("Retry-After", "1");
      reply_error(response, 503, std::string("not stored, try again: ") + error.what());
    }
  });

  router.remove(R"(/([^/]+))", [&state](const Request& request, Response& response) {
    const std::string name = request.matches[1];
    if (!is_valid_article_name(name)) return reply_error(response, 400, "bad article name '" + name + "'");
    try {
      response.status = state.remove_article(name) ? 204 : 404;
    } catch (const queue::QueueError& error) {
      response.set_header("Retry-After", "1");
      reply_error(response, 503, std::string("not removed, try again: ") + error.what());
    }
  });
}

}  // namespace storyline::serve
