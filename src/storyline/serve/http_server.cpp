#include "storyline/serve/http_server.h"

#include <httplib.h>

#include <chrono>
#include <ctime>
#include <condition_variable>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "storyline/core/document_json_detail.h"
#include "storyline/ingest/read_documents.h"
#include "storyline/pipeline/ingest_pipeline.h"
#include "storyline/pipeline/story_output.h"
#include "storyline/label/category.h"
#include "storyline/rank/story_heat.h"
#include "storyline/serve/metrics.h"
#include "storyline/serve/web_page.h"
#include "storyline/store/document_store.h"

namespace storyline::serve {
namespace {

using nlohmann::json;

std::chrono::steady_clock::time_point& request_started() {
  thread_local std::chrono::steady_clock::time_point started;
  return started;
}

int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

void reply_json(httplib::Response& response, int status, const json& body) {
  response.status = status;
  response.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
}

void reply_error(httplib::Response& response, int status, const std::string& message) {
  reply_json(response, status, {{"error", message}});
}

// Contest article names: a file name, never a path ("../x", "a/b", ".hidden" are refused).
bool is_valid_article_name(const std::string& name) {
  static const std::regex kName(R"([A-Za-z0-9][A-Za-z0-9._-]{0,254})");
  return std::regex_match(name, kName) && name.find("..") == std::string::npos;
}

// "max-age=3600" from a Cache-Control header.
std::optional<int64_t> max_age(const std::string& cache_control) {
  static const std::regex kMaxAge(R"(max-age\s*=\s*(\d{1,12}))", std::regex::icase);
  std::smatch match;
  if (!std::regex_search(cache_control, match, kMaxAge)) return std::nullopt;
  return std::stoll(match[1].str());
}

std::optional<std::string> parameter(const httplib::Request& request, const char* name) {
  if (!request.has_param(name)) return std::nullopt;
  std::string value = request.get_param_value(name);
  if (value.empty()) return std::nullopt;
  return value;
}

// A bounded count parameter: the default when absent; nullopt (a 400) when not a number in range.
std::optional<size_t> count_parameter(const httplib::Request& request, const char* name, size_t fallback, size_t most) {
  const auto value = parameter(request, name);
  if (!value) return fallback;
  try {
    size_t used = 0;
    const long long parsed = std::stoll(*value, &used);
    if (used != value->size() || parsed < 1 || static_cast<unsigned long long>(parsed) > most) return std::nullopt;
    return static_cast<size_t>(parsed);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// ISO 8601 UTC text of a Unix time, for comparing with stored `published` values.
std::string iso_utc(int64_t unix_seconds) {
  const std::time_t time = static_cast<std::time_t>(unix_seconds);
  std::tm parts{};
  gmtime_r(&time, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

}  // namespace

struct HttpServer::Impl {
  explicit Impl(ServerOptions o) : options(std::move(o)), writer_store(options.db), pipeline(writer_store) {}

  ServerOptions options;
  httplib::Server server;
  Metrics metrics;

  // One writer (SQLite allows one at a time); readers each use their own connection.
  std::mutex writer_mutex;
  store::DocumentStore writer_store;
  pipeline::IngestPipeline pipeline;

  std::mutex purge_mutex;
  std::condition_variable purge_wake;
  bool stopping = false;
  std::thread purger;

  store::DocumentStore& reader() {
    // Handler threads live as long as the server's pool; a connection per thread and store file.
    thread_local std::map<std::string, std::unique_ptr<store::DocumentStore>> stores;
    auto& slot = stores[options.db];
    if (!slot) slot = std::make_unique<store::DocumentStore>(options.db);
    return *slot;
  }

  // Reads the body (HTML, JSON document, any format `extract` reads) and ingests what it holds.
  // Returns the stored outcomes; throws ingest::InputError for unreadable input.
  std::vector<pipeline::IngestOutcome> ingest_body(const std::string& body, const std::string& source,
                                                   std::optional<std::string> url,
                                                   std::optional<std::string> forced_id,
                                                   std::optional<int64_t> expires_at) {
    ingest::ReadResult result = ingest::read_documents({source, body, std::move(url)});
    std::vector<pipeline::IngestOutcome> outcomes;
    std::lock_guard lock(writer_mutex);
    writer_store.in_transaction([&] {
      for (auto& document : result.documents) {
        if (forced_id) document.id = *forced_id;
        outcomes.push_back(pipeline.add(std::move(document)));
        if (forced_id) writer_store.set_expiry(outcomes.back().id, expires_at);
        if (forced_id) break;  // a contest article is one page
      }
      pipeline.cluster_pending();
    });
    metrics.count_ingested(outcomes.size());
    return outcomes;
  }

  void purge_loop() {
    std::unique_lock lock(purge_mutex);
    while (!stopping) {
      purge_wake.wait_for(lock, std::chrono::seconds(options.purge_interval_seconds));
      if (stopping) break;
      try {
        std::lock_guard writer(writer_mutex);
        writer_store.in_transaction([&] { pipeline.purge_expired(unix_now()); });
      } catch (const std::exception&) {
        // A busy store is retried at the next tick.
      }
    }
  }

  void install_routes();
};

void HttpServer::Impl::install_routes() {
  server.set_payload_max_length(options.max_body_bytes);
  server.set_read_timeout(options.read_timeout_seconds, 0);
  server.set_write_timeout(options.write_timeout_seconds, 0);
  server.set_keep_alive_max_count(1000);

  // Latency: the pre-routing hook and the logger run on the same worker thread, in that order.
  server.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_started() = std::chrono::steady_clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_logger([this](const httplib::Request& request, const httplib::Response& response) {
    // Route labels without ids, so /metrics stays small.
    std::string route = request.path;
    if (request.path.starts_with("/api/articles/")) route = "/api/articles/{id}";
    else if (request.path.starts_with("/api/stories/")) route = "/api/stories/{id}";
    else if (request.method == "PUT" || request.method == "DELETE") route = "/{name}";
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - request_started()).count();
    metrics.observe_request(request.method + " " + route, response.status, seconds);
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr error) {
    std::string message = "internal error";
    try {
      if (error) std::rethrow_exception(error);
    } catch (const std::exception& e) {
      message = e.what();
    } catch (...) {
    }
    reply_error(response, 500, message);
  });

  server.Get("/healthz", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("ok\n", "text/plain");
  });

  server.Get("/metrics", [this](const httplib::Request&, httplib::Response& response) {
    response.set_content(metrics.render(reader().count()), "text/plain; version=0.0.4");
  });

  server.Get("/", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(std::string(web_page_html()), "text/html; charset=utf-8");
  });

  server.Get(R"(/api/articles/([^/]+))", [this](const httplib::Request& request, httplib::Response& response) {
    const auto document = reader().get(request.matches[1].str());
    if (!document) return reply_error(response, 404, "no article with id '" + request.matches[1].str() + "'");
    reply_json(response, 200, document_to_json_value(*document));
  });

  server.Post("/api/articles", [this](const httplib::Request& request, httplib::Response& response) {
    if (request.body.empty()) return reply_error(response, 400, "empty body: send a document JSON or an HTML page");
    try {
      const auto outcomes = ingest_body(request.body, "api", parameter(request, "url"), std::nullopt, std::nullopt);
      if (outcomes.empty()) return reply_error(response, 422, "no article found in the body");
      json ids = json::array();
      for (const auto& outcome : outcomes) ids.push_back(outcome.id);
      reply_json(response, 201, {{"id", outcomes.front().id}, {"ids", ids}});
    } catch (const ingest::InputError& error) {
      reply_error(response, 400, error.what());
    } catch (const std::invalid_argument& error) {
      reply_error(response, 400, error.what());
    }
  });

  server.Get("/api/search", [this](const httplib::Request& request, httplib::Response& response) {
    const auto query = parameter(request, "q");
    if (!query) return reply_error(response, 400, "missing q: /api/search?q=words");
    store::SearchFilters filters;
    filters.since = parameter(request, "since");
    filters.until = parameter(request, "until");
    filters.domain = parameter(request, "domain");
    filters.category = parameter(request, "category");
    filters.language = parameter(request, "language");
    filters.entity = parameter(request, "entity");
    if (auto limit = parameter(request, "limit")) {
      try {
        filters.limit = static_cast<size_t>(std::clamp(std::stoll(*limit), 1LL, 500LL));
      } catch (const std::exception&) {
        return reply_error(response, 400, "limit must be a number from 1 to 500");
      }
    }
    try {
      json articles = json::array();
      for (const auto& hit : reader().search(*query, filters)) {
        json item = document_to_json_value(hit.document);
        item["score"] = hit.score;
        item["snippet"] = hit.snippet;
        articles.push_back(std::move(item));
      }
      json stories = json::array();
      for (const auto& hit : reader().search_stories(*query, filters.limit)) {
        json item = json::parse(pipeline::story_to_json(hit.story, {}));
        item.erase("articles");
        item["score"] = hit.score;
        item["snippet"] = hit.snippet;
        stories.push_back(std::move(item));
      }
      reply_json(response, 200, {{"query", *query}, {"articles", articles}, {"stories", stories}});
    } catch (const std::invalid_argument& error) {
      reply_error(response, 400, error.what());
    }
  });

  server.Get("/api/stories", [this](const httplib::Request& request, httplib::Response& response) {
    store::StoryQuery query;
    const auto limit = count_parameter(request, "limit", 20, 500);
    if (!limit) return reply_error(response, 400, "limit must be a number from 1 to 500");
    const auto articles = count_parameter(request, "articles", 10, 1000);
    if (!articles) return reply_error(response, 400, "articles must be a number from 1 to 1000");
    query.limit = *limit;
    query.category = parameter(request, "category");
    if (query.category && !label::category_from_name(*query.category))
      return reply_error(response, 400, "unknown category '" + *query.category +
                                            "': society, economy, technology, science, sports, entertainment, other");
    query.language = parameter(request, "language");
    query.since = parameter(request, "since");
    query.storyline = parameter(request, "storyline");
    store::DocumentStore& store = reader();
    std::string body = "{\"stories\": [";
    bool first = true;
    for (const store::StoryRecord& story : store.stories(query)) {
      if (!first) body += ", ";
      first = false;
      body += pipeline::story_to_json(story, store.story_articles(story.id, *articles));
    }
    body += "]}";
    response.set_content(body, "application/json; charset=utf-8");
  });

  server.Get(R"(/api/stories/([^/]+))", [this](const httplib::Request& request, httplib::Response& response) {
    store::DocumentStore& store = reader();
    const auto story = store.story(request.matches[1].str());
    if (!story) return reply_error(response, 404, "no story with id '" + request.matches[1].str() + "'");
    response.set_content(pipeline::story_to_json(*story, store.story_articles(story->id)),
                         "application/json; charset=utf-8");
  });

  // Contest: the threads (stories) of the last `period` seconds before the newest article,
  // hottest first, each with its articles' names.
  server.Get("/threads", [this](const httplib::Request& request, httplib::Response& response) {
    const auto period = count_parameter(request, "period", 86400, size_t{1} << 40);
    if (!period) return reply_error(response, 400, "period must be a number of seconds");
    store::StoryQuery query;
    query.limit = 1000;
    query.language = parameter(request, "lang_code");
    const auto category = parameter(request, "category");
    if (category && *category != "any") {
      if (!label::category_from_name(*category))
        return reply_error(response, 400, "unknown category '" + *category + "': any, society, economy, technology, "
                                          "science, sports, entertainment, other");
      query.category = category;
    }
    store::DocumentStore& store = reader();
    if (const auto newest = store.newest_published())
      if (const auto unix = rank::parse_published_unix(*newest))
        query.since = iso_utc(*unix - static_cast<int64_t>(*period));
    json threads = json::array();
    for (const store::StoryRecord& story : store.stories(query))
      threads.push_back({{"title", story.title ? json(*story.title) : json("")},
                         {"category", story.category ? json(*story.category) : json("other")},
                         {"articles", store.story_article_ids(story.id)}});
    reply_json(response, 200, {{"threads", threads}});
  });

  // Telegram data-clustering contest (2020) server API.
  server.Put(R"(/([^/]+))", [this](const httplib::Request& request, httplib::Response& response) {
    const std::string name = request.matches[1].str();
    if (!is_valid_article_name(name)) return reply_error(response, 400, "bad article name '" + name + "'");
    if (request.body.empty()) return reply_error(response, 400, "empty body: send the article's HTML");
    std::optional<int64_t> expires_at;
    if (auto age = max_age(request.get_header_value("Cache-Control"))) expires_at = unix_now() + *age;
    try {
      const bool existed = reader().get(name).has_value();
      const auto outcomes = ingest_body(request.body, name, std::nullopt, name, expires_at);
      if (outcomes.empty()) return reply_error(response, 422, "no article found in the body");
      response.status = existed ? 204 : 201;
    } catch (const ingest::InputError& error) {
      reply_error(response, 400, error.what());
    }
  });

  server.Delete(R"(/([^/]+))", [this](const httplib::Request& request, httplib::Response& response) {
    const std::string name = request.matches[1].str();
    if (!is_valid_article_name(name)) return reply_error(response, 400, "bad article name '" + name + "'");
    std::lock_guard lock(writer_mutex);
    bool removed = false;
    writer_store.in_transaction([&] { removed = pipeline.remove(name); });
    response.status = removed ? 204 : 404;
  });
}

HttpServer::HttpServer(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  impl_->install_routes();
  impl_->purger = std::thread([this] { impl_->purge_loop(); });
}

HttpServer::~HttpServer() {
  stop();
  {
    std::lock_guard lock(impl_->purge_mutex);
    impl_->stopping = true;
  }
  impl_->purge_wake.notify_all();
  if (impl_->purger.joinable()) impl_->purger.join();
}

bool HttpServer::listen() { return impl_->server.listen(impl_->options.host, impl_->options.port); }

int HttpServer::bind_any_port() { return impl_->server.bind_to_any_port(impl_->options.host); }

bool HttpServer::listen_after_bind() { return impl_->server.listen_after_bind(); }

void HttpServer::stop() { impl_->server.stop(); }

bool HttpServer::is_running() const { return impl_->server.is_running(); }

}  // namespace storyline::serve
