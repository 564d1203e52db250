#include "storyline/serve/http_server.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <string_view>
#include <thread>
#include <vector>

#include "storyline/serve/async_http_server.h"
#include "storyline/serve/http_helpers.h"
#include "storyline/serve/router.h"
#include "storyline/serve/routes.h"
#include "storyline/serve/server_state.h"
#include "storyline/serve/web_files.h"
#include "storyline/serve/write_guard.h"

namespace storyline::serve {
namespace {

// Route labels without ids, so /metrics stays small.
std::string route_label(const Request& request) {
  if (request.path.starts_with("/api/articles/")) return request.method + " /api/articles/{id}";
  if (request.path.starts_with("/api/stories/"))
    return request.method +
           (request.path.ends_with("/coverage.svg") ? " /api/stories/{id}/coverage.svg" : " /api/stories/{id}");
  if (request.path.starts_with("/feeds/story/")) return request.method + " /feeds/story/{id}";
  if (request.path.starts_with("/feeds/category/")) return request.method + " /feeds/category/{category}";
  if (request.method == "PUT" || request.method == "DELETE") return request.method + " /{name}";
  static const std::set<std::string> kRoutes = {"/",
                                                "/style.css",
                                                "/app.js",
                                                "/healthz",
                                                "/metrics",
                                                "/api/articles",
                                                "/api/stories",
                                                "/api/search",
                                                "/api/sources",
                                                "/api/languages",
                                                "/threads",
                                                "/feeds/top.atom",
                                                "/feeds/top.json",
                                                "/feeds/search.atom",
                                                "/feeds/search.json"};
  // Anything else is one label: paths probed at random must not grow /metrics without bound.
  return request.method + " " + (kRoutes.contains(request.path) ? request.path : std::string("(other)"));
}

ConnectionLimits connection_limits(const ServerOptions& options) {
  using std::chrono::seconds;
  ConnectionLimits limits;
  limits.keep_alive = seconds(options.keep_alive_seconds);
  limits.header_deadline = seconds(options.header_deadline_seconds);
  limits.request_deadline = seconds(options.request_deadline_seconds);
  limits.write_deadline = seconds(options.write_deadline_seconds);
  limits.max_header_bytes = options.max_header_bytes;
  limits.max_body_bytes = options.max_body_bytes;
  limits.max_bodies_in_flight_bytes = std::max(options.max_bodies_in_flight_bytes, options.max_body_bytes);
  limits.max_connections = options.max_connections;
  limits.max_connections_per_client = options.max_connections_per_client;
  limits.shutdown_grace = seconds(options.shutdown_grace_seconds);
  limits.io_threads = options.io_threads > 0 ? options.io_threads : std::max(2u, std::thread::hardware_concurrency());
  limits.worker_threads = std::max<size_t>(1, options.worker_threads);
  return limits;
}

}  // namespace

struct HttpServer::Impl {
  // The page's files first: a --web-root missing one stops the server before it opens (or
  // creates) the store.
  explicit Impl(ServerOptions options)
      : web_source(std::make_shared<const WebFileSource>(options.web_root, options.publisher_images)),
        state(std::move(options)),
        server(connection_limits(state.options()), hooks()) {}

  std::shared_ptr<const WebFileSource> web_source;
  ServerState state;
  Router router;
  AsyncHttpServer server;

  // Background upkeep: story records that ingest left stale, and articles whose time to live
  // has passed.
  std::mutex upkeep_mutex;
  std::condition_variable upkeep_wake;
  bool stopping = false;
  std::thread upkeep;

  void upkeep_loop() {
    std::unique_lock lock(upkeep_mutex);
    auto next_purge = std::chrono::steady_clock::now();
    while (!stopping) {
      upkeep_wake.wait_for(lock, std::chrono::milliseconds(200));
      if (stopping) break;
      try {
        state.refresh_stale_stories();
        if (std::chrono::steady_clock::now() >= next_purge) {
          state.purge_expired();
          next_purge = std::chrono::steady_clock::now() + std::chrono::seconds(state.options().purge_interval_seconds);
        }
      } catch (const std::exception&) {
        // A busy store is retried at the next tick.
      }
    }
  }

  // Live sources (ServerOptions::poll_sources): the poller keeps its own store connection for
  // the sources' state and stores articles through the server's one writer.
  std::unique_ptr<store::Store> poller_store;
  std::unique_ptr<sources::FeedPoller> poller;
  std::thread polling;

  void polling_loop() {
    std::unique_lock lock(upkeep_mutex);
    while (!stopping) {
      lock.unlock();
      int64_t wait = 60;
      try {
        poller->poll_due(sources::unix_seconds_now());
        const int64_t due = poller->seconds_until_due(sources::unix_seconds_now());
        // At least once a minute: sources added meanwhile (by `storyline sources add`) are due.
        if (due >= 0) wait = std::clamp<int64_t>(due, 1, 60);
      } catch (const std::exception&) {
        // A busy or failing store: tried again after the wait.
      }
      lock.lock();
      upkeep_wake.wait_for(lock, std::chrono::seconds(wait), [this] { return stopping; });
    }
  }

  void install_routes();
  RequestHooks hooks();
  std::optional<Response> screen(const Request& request) const;
  Response handle(Request& request);
};

// Before any body is read: a request through a name that is not this server's, or a write from
// where writes may not come, is refused.
std::optional<Response> HttpServer::Impl::screen(const Request& request) const {
  const ServerOptions& options = state.options();
  const WriteGuardOptions guard{options.write_token, is_loopback_host(options.host), options.allowed_hosts};
  const std::string host = request.header("Host"), origin = request.header("Origin"),
                    fetch_site = request.header("Sec-Fetch-Site"), authorization = request.header("Authorization");
  // A read through a name that is not this server's is refused too: a DNS-rebinding page would
  // otherwise read the store from the reader's browser.
  auto refusal = refuse_host(host, guard);
  if (!refusal) refusal = refuse_write({request.method, host, origin, fetch_site, authorization}, guard);
  if (!refusal) return std::nullopt;
  Response response;
  if (refusal->status == 401) response.set_header("WWW-Authenticate", "Bearer");
  reply_error(response, refusal->status, refusal->message);
  return response;
}

Response HttpServer::Impl::handle(Request& request) {
  Response response;
  const Router::Route* route = router.find(request);
  if (!route) {
    reply_error(response, 404, "no " + request.method + " route for '" + request.path + "'");
    return response;
  }
  try {
    route->handler(request, response);
  } catch (const std::exception& error) {
    response = Response{};
    reply_error(response, 500, error.what());
  }
  return response;
}

RequestHooks HttpServer::Impl::hooks() {
  RequestHooks hooks;
  hooks.screen = [this](const Request& request) { return screen(request); };
  hooks.answers_at_once = [this](Request& request) {
    const Router::Route* route = router.find(request);
    return route && route->options.answers_at_once;
  };
  hooks.handle = [this](Request& request) { return handle(request); };
  hooks.observe = [this](const Request& request, const Response& response, std::chrono::steady_clock::duration took) {
    state.metrics().observe_request(route_label(request), response.status, std::chrono::duration<double>(took).count());
  };
  return hooks;
}

void HttpServer::Impl::install_routes() {
  router.get("/healthz", [](const Request&, Response& response) { response.set_content("ok\n", "text/plain"); },
             {.answers_at_once = true});
  router.get("/metrics", [this](const Request&, Response& response) {
    store::Store& store = state.reader();
    response.set_content(state.metrics().render(store.documents().count(), store.stories().count()),
                         "text/plain; version=0.0.4");
  });
  install_web_routes(router, web_source);
  install_article_routes(router, state);
  install_story_routes(router, state);
  install_source_routes(router, state);
  install_feed_routes(router, state);
  install_contest_routes(router, state);  // last: its PUT/DELETE /{name} match any name
}

HttpServer::HttpServer(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  impl_->install_routes();
  impl_->upkeep = std::thread([this] { impl_->upkeep_loop(); });
  const ServerOptions& settings = impl_->state.options();
  if (settings.poll_sources) {
    impl_->poller_store = store::open_store(settings.db);
    ServerState& state = impl_->state;
    impl_->poller = std::make_unique<sources::FeedPoller>(
        *impl_->poller_store, [&state](std::vector<Document>& documents) { return state.ingest_documents(documents); },
        settings.poller);
    impl_->polling = std::thread([this] { impl_->polling_loop(); });
  }
}

HttpServer::~HttpServer() {
  stop();
  {
    std::lock_guard lock(impl_->upkeep_mutex);
    impl_->stopping = true;
  }
  if (impl_->poller) impl_->poller->cancel();
  impl_->upkeep_wake.notify_all();
  if (impl_->upkeep.joinable()) impl_->upkeep.join();
  if (impl_->polling.joinable()) impl_->polling.join();
  // A clean stop leaves no story record stale, so the next start has none to rewrite.
  try {
    impl_->state.refresh_stale_stories();
  } catch (const std::exception&) {
    // The store lists them (ingest_pipeline.h): the next start rewrites them.
  }
}

bool HttpServer::listen() { return bind() && listen_after_bind(); }

bool HttpServer::bind() { return impl_->server.bind(impl_->state.options().host, impl_->state.options().port) > 0; }

int HttpServer::bind_any_port() { return impl_->server.bind(impl_->state.options().host, 0); }

bool HttpServer::listen_after_bind() { return impl_->server.run(); }

void HttpServer::stop() { impl_->server.stop(); }

bool HttpServer::is_running() const { return impl_->server.is_running(); }

}  // namespace storyline::serve
