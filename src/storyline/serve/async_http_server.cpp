#include "storyline/serve/async_http_server.h"

#include <sys/resource.h>

#include <algorithm>
#include <thread>

#include "storyline/serve/http_session.h"

namespace storyline::serve {

using namespace detail;

namespace detail {

ServerCore::ServerCore(ConnectionLimits limits_given, RequestHooks hooks_given)
    : limits(limits_given),
      hooks(std::move(hooks_given)),
      body_budget(limits_given.max_bodies_in_flight_bytes),
      workers(std::max<size_t>(1, limits_given.worker_threads)),
      io(static_cast<int>(std::max<size_t>(1, limits_given.io_threads))) {}

std::string ServerCore::admit(const std::string& address) {
  std::lock_guard lock(mutex);
  if (connections >= limits.max_connections)
    return "the server holds its most connections (" + std::to_string(limits.max_connections) + "): retry later";
  size_t& from_client = per_client[address];
  if (from_client >= limits.max_connections_per_client) {
    if (from_client == 0) per_client.erase(address);
    return "this address holds the most connections one client may (" + std::to_string(limits.max_connections_per_client) +
           "): reuse one (keep-alive) or close one, then retry";
  }
  ++from_client;
  ++connections;
  return {};
}

void ServerCore::add(const std::shared_ptr<HttpSession>& session) {
  std::lock_guard lock(mutex);
  registry.emplace(session.get(), session);
}

void ServerCore::release(HttpSession* session, const std::string& address) {
  std::function<void()> all_closed;
  {
    std::lock_guard lock(mutex);
    registry.erase(session);
    --connections;
    const auto found = per_client.find(address);
    if (found != per_client.end() && --found->second == 0) per_client.erase(found);
    if (stopping && registry.empty()) all_closed = on_all_closed;
  }
  if (all_closed) all_closed();
}

std::vector<std::shared_ptr<HttpSession>> ServerCore::sessions() {
  std::lock_guard lock(mutex);
  std::vector<std::shared_ptr<HttpSession>> alive;
  for (const auto& [pointer, session] : registry)
    if (auto locked = session.lock()) alive.push_back(std::move(locked));
  return alive;
}

size_t ServerCore::open_sessions() {
  std::lock_guard lock(mutex);
  return registry.size();
}

}  // namespace detail

namespace {

// A connection over a cap: told so with a 503 (written within 1 s), then closed.
void refuse_connection(tcp::socket socket, const std::string& reason) {
  struct Refusal {
    tcp::socket socket;
    asio::steady_timer timer;
    std::string answer;
  };
  const std::string body = "{\"error\": \"" + reason + "\"}";
  auto executor = socket.get_executor();
  auto refusal = std::make_shared<Refusal>(
      Refusal{std::move(socket), asio::steady_timer(executor),
              "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\nRetry-After: 1\r\n"
              "Connection: close\r\nContent-Length: " +
                  std::to_string(body.size()) + "\r\n\r\n" + body});
  refusal->timer.expires_after(std::chrono::seconds(1));
  refusal->timer.async_wait([refusal](beast::error_code) {
    beast::error_code ignored;
    refusal->socket.close(ignored);
  });
  asio::async_write(refusal->socket, asio::buffer(refusal->answer), [refusal](beast::error_code, size_t) {
    beast::error_code ignored;
    refusal->socket.shutdown(tcp::socket::shutdown_send, ignored);
    refusal->timer.cancel();
    refusal->socket.close(ignored);
  });
}

// Idle connections are cheap now, but each is a descriptor: the soft limit (often 1,024) is
// raised to the hard one, so that max_connections, not the descriptor limit, is what holds.
void raise_descriptor_limit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
  }
}

}  // namespace

struct AsyncHttpServer::Impl {
  Impl(ConnectionLimits limits, RequestHooks hooks) : core(limits, std::move(hooks)), acceptor(core.io) {}

  ServerCore core;
  tcp::acceptor acceptor;
  asio::steady_timer retry_accept{core.io};
  asio::steady_timer grace{core.io};
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  std::atomic<bool> running{false};
  bool stop_begun = false;  // on the I/O threads only

  void accept() {
    acceptor.async_accept(asio::make_strand(core.io), [this](beast::error_code error, tcp::socket socket) {
      if (error == asio::error::operation_aborted || !acceptor.is_open()) return;
      if (error) {
        // Out of descriptors (or another passing failure): try again shortly rather than spin.
        retry_accept.expires_after(std::chrono::milliseconds(50));
        retry_accept.async_wait([this](beast::error_code waited) {
          if (!waited) accept();
        });
        return;
      }
      serve(std::move(socket));
      accept();
    });
  }

  void serve(tcp::socket socket) {
    beast::error_code error;
    const auto remote = socket.remote_endpoint(error);
    if (error) return;
    socket.set_option(tcp::no_delay(true), error);  // an answer's head and body go out at once
    const std::string address = remote.address().to_string();
    if (std::string refusal = core.admit(address); !refusal.empty()) return refuse_connection(std::move(socket), refusal);
    auto session = std::make_shared<HttpSession>(std::move(socket), core, address);
    core.add(session);
    session->start();
  }

  // On the I/O threads: stops accepting, closes idle connections, and gives the others the grace.
  void begin_stop() {
    if (stop_begun) return;
    stop_begun = true;
    beast::error_code ignored;
    acceptor.close(ignored);
    retry_accept.cancel();
    {
      std::lock_guard lock(core.mutex);
      core.on_all_closed = [this] { asio::post(core.io, [this] { finish_stop(); }); };
    }
    if (core.open_sessions() == 0) return finish_stop();
    for (const auto& session : core.sessions()) session->server_stopping();
    grace.expires_after(core.limits.shutdown_grace);
    grace.async_wait([this](beast::error_code error) {
      if (error) return;
      for (const auto& session : core.sessions()) session->close_now();
      finish_stop();
    });
  }

  void finish_stop() {
    grace.cancel();
    work.reset();
  }
};

AsyncHttpServer::AsyncHttpServer(ConnectionLimits limits, RequestHooks hooks)
    : impl_(std::make_unique<Impl>(limits, std::move(hooks))) {}

AsyncHttpServer::~AsyncHttpServer() {
  stop();
  impl_->core.workers.join();
}

int AsyncHttpServer::bind(const std::string& host, int port) {
  beast::error_code error;
  tcp::resolver resolver(impl_->core.io);
  const auto endpoints = resolver.resolve(host, std::to_string(port), tcp::resolver::passive, error);
  if (error || endpoints.empty()) return -1;
  const tcp::endpoint endpoint = endpoints.begin()->endpoint();
  tcp::acceptor& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), error);
  if (error) return -1;
  // SO_REUSEADDR only (a restart binds while old connections linger in TIME_WAIT); never
  // SO_REUSEPORT, with which a second `serve` on the port started and took half the requests.
  acceptor.set_option(asio::socket_base::reuse_address(true), error);
  acceptor.bind(endpoint, error);
  // A deep listen queue: a burst of connections waits to be accepted instead of retrying SYNs.
  if (!error) acceptor.listen(1024, error);
  if (error) {
    beast::error_code ignored;
    acceptor.close(ignored);
    return -1;
  }
  return acceptor.local_endpoint().port();
}

bool AsyncHttpServer::run() {
  Impl& impl = *impl_;
  if (!impl.acceptor.is_open() || impl.core.stopping) return false;
  raise_descriptor_limit();
  impl.work.emplace(impl.core.io.get_executor());
  impl.accept();
  impl.running = true;
  std::vector<std::thread> threads;
  for (size_t i = 1; i < std::max<size_t>(1, impl.core.limits.io_threads); ++i)
    threads.emplace_back([&impl] { impl.core.io.run(); });
  impl.core.io.run();
  for (auto& thread : threads) thread.join();
  impl.running = false;
  return true;
}

void AsyncHttpServer::stop() {
  Impl& impl = *impl_;
  // Seen at once by run() (if not serving yet) and by every connection; the rest on the I/O threads.
  impl.core.stopping = true;
  asio::post(impl.core.io, [&impl] { impl.begin_stop(); });
}

bool AsyncHttpServer::is_running() const { return impl_->running && !impl_->core.stopping; }

}  // namespace storyline::serve
