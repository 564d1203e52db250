#include "storyline/serve/http_server.h"

#include <httplib.h>

#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <string_view>
#include <thread>
#include <vector>

#include "storyline/serve/http_helpers.h"
#include "storyline/serve/limited_server.h"
#include "storyline/serve/request_body.h"
#include "storyline/serve/request_framing.h"
#include "storyline/serve/routes.h"
#include "storyline/serve/server_state.h"
#include "storyline/serve/web_files.h"
#include "storyline/serve/write_guard.h"

namespace storyline::serve {
namespace {

std::chrono::steady_clock::time_point& request_started() {
  thread_local std::chrono::steady_clock::time_point started;
  return started;
}

// Route labels without ids, so /metrics stays small.
std::string route_label(const httplib::Request& request) {
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
  limits.idle_read = seconds(options.read_timeout_seconds);
  limits.idle_write = seconds(options.write_timeout_seconds);
  limits.header_deadline = seconds(options.header_deadline_seconds);
  limits.request_deadline = seconds(options.request_deadline_seconds);
  limits.write_deadline = seconds(options.write_deadline_seconds);
  limits.keep_alive = seconds(options.keep_alive_seconds);
  limits.max_header_bytes = options.max_header_bytes;
  limits.max_body_wire_bytes = 2 * options.max_body_bytes;
  return limits;
}

}  // namespace

struct HttpServer::Impl {
  // The page's files first: a --web-root missing one stops the server before it opens (or
  // creates) the store.
  explicit Impl(ServerOptions options)
      : web_source(std::make_shared<const WebFileSource>(options.web_root, options.publisher_images)),
        state(std::move(options)),
        server(connection_limits(state.options()), state.options().worker_threads) {}

  std::shared_ptr<const WebFileSource> web_source;
  ServerState state;
  LimitedServer server;
  // The listening socket, seen when the library makes it: Debian's cpp-httplib is built with a
  // listen backlog of 5, so clients reconnecting under load waited for SYN retries (1 s, 3 s:
  // the p99 of seconds and the timeouts the load test saw).
  int listening_socket = -1;
  static constexpr int kListenBacklog = 1024;
  void widen_backlog() const {
    if (listening_socket >= 0) ::listen(listening_socket, kListenBacklog);
  }

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
};

void HttpServer::Impl::install_routes() {
  const ServerOptions& options = state.options();
  // Deadlines, keep-alive and the pool are LimitedServer's; this is the library's 413 for a
  // Content-Length over the limit, before any byte of the body.
  server.set_payload_max_length(options.max_body_bytes);
  server.set_socket_options([this](int socket) {
    // SO_REUSEADDR only (a restart binds while old connections linger in TIME_WAIT). The
    // library's defaults add SO_REUSEPORT, with which a second `serve` on a port in use started
    // and the two split the requests between two stores.
    const int yes = 1;
    ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (listening_socket < 0) listening_socket = socket;
  });
  // Headers and body go out in separate writes: without TCP_NODELAY the body waits for the
  // client's delayed ACK (40 ms on Linux).
  server.set_tcp_nodelay(true);
  // No answer is to be read as another type than it says (a JSON answer as a script or page).
  server.set_default_headers({{"X-Content-Type-Options", "nosniff"}});

  // Latency: the pre-routing hook and the logger run on the same worker thread, in that order.
  const WriteGuardOptions guard{options.write_token, is_loopback_host(options.host), options.allowed_hosts};
  server.set_pre_routing_handler([guard](const httplib::Request& request, httplib::Response& response) {
    request_started() = std::chrono::steady_clock::now();
    LimitedServer::headers_read();
    // Framing headers that contradict each other (two Content-Lengths, or one with
    // Transfer-Encoding) or cannot be read are how a request is smuggled past a proxy: refused,
    // connection closed (request_framing.h).
    if (const auto framing = framing_error(header_values(request, "Content-Length"),
                                           header_values(request, "Transfer-Encoding"))) {
      response.set_header("Connection", "close");
      LimitedServer::close_after_response();
      reply_error(response, framing->status, framing->message);
      return httplib::Server::HandlerResponse::Handled;
    }
    const auto header = [&](const char* name) { return request.get_header_value(name); };
    const std::string host = header("Host"), origin = header("Origin"), fetch_site = header("Sec-Fetch-Site"),
                      authorization = header("Authorization");
    // A read through a name that is not this server's is refused too: a DNS-rebinding page would
    // otherwise read the store from the reader's browser.
    auto refusal = refuse_host(host, guard);
    if (!refusal) refusal = refuse_write({request.method, host, origin, fetch_site, authorization}, guard);
    if (refusal) {
      if (refusal->status == 401) response.set_header("WWW-Authenticate", "Bearer");
      reply_error(response, refusal->status, refusal->message);
      // Its body is left unread, so the connection cannot carry another request.
      if (request.has_header("Content-Length") || request.has_header("Transfer-Encoding"))
        LimitedServer::close_after_response();
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_logger([this](const httplib::Request& request, const httplib::Response& response) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - request_started()).count();
    state.metrics().observe_request(route_label(request), response.status, seconds);
  });
  // A request whose line and headers were cut (limited_server.h) is answered for what it is; the
  // library, which only sees a read fail, would say 400.
  const long header_deadline = options.header_deadline_seconds;
  const size_t header_bytes = options.max_header_bytes;
  server.set_error_handler(httplib::Server::HandlerWithResponse(
      [header_deadline, header_bytes](const httplib::Request&, httplib::Response& response) {
        switch (LimitedServer::cut()) {
          case RequestCut::header_deadline:
            reply_error(response, 408,
                        "the request's headers did not arrive within " + std::to_string(header_deadline) + " s");
            return httplib::Server::HandlerResponse::Handled;
          case RequestCut::headers_too_large:
            reply_error(response, 431, "the request line and headers are over " + std::to_string(header_bytes) + " bytes");
            return httplib::Server::HandlerResponse::Handled;
          default: return httplib::Server::HandlerResponse::Unhandled;
        }
      }));
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

  server.Get("/healthz",
             [](const httplib::Request&, httplib::Response& response) { response.set_content("ok\n", "text/plain"); });
  server.Get("/metrics", [this](const httplib::Request&, httplib::Response& response) {
    store::Store& store = state.reader();
    response.set_content(state.metrics().render(store.documents().count(), store.stories().count()),
                         "text/plain; version=0.0.4");
  });
  install_web_routes(server, web_source);
  install_article_routes(server, state);
  install_story_routes(server, state);
  install_source_routes(server, state);
  install_feed_routes(server, state);
  install_contest_routes(server, state);                      // its PUT/DELETE /{name} match any name
  install_unknown_body_routes(server, body_limits(options));  // last: any other path with a body
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

bool HttpServer::listen() { return bind() && impl_->server.listen_after_bind(); }

bool HttpServer::bind() {
  if (!impl_->server.bind_to_port(impl_->state.options().host, impl_->state.options().port)) return false;
  impl_->widen_backlog();
  return true;
}

int HttpServer::bind_any_port() {
  const int port = impl_->server.bind_to_any_port(impl_->state.options().host);
  if (port > 0) impl_->widen_backlog();
  return port;
}

bool HttpServer::listen_after_bind() { return impl_->server.listen_after_bind(); }

void HttpServer::stop() { impl_->server.stop(); }

bool HttpServer::is_running() const { return impl_->server.is_running(); }

}  // namespace storyline::serve
