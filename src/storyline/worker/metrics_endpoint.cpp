// Boost.Asio (the same header-only library `serve` is built on), asynchronous on one thread: a
// connection reads its request line within a deadline, gets its answer and is closed.
#include "storyline/worker/metrics_endpoint.h"

#include <boost/asio.hpp>
#include <stdexcept>
#include <thread>

namespace storyline::worker {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

constexpr size_t kMaxRequestBytes = 8 * 1024;
constexpr std::chrono::seconds kDeadline{2};

std::string answer(int status, const std::string& type, const std::string& body) {
  const char* reason = status == 200 ? "OK" : status == 404 ? "Not Found" : "Service Unavailable";
  std::string text = "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\nContent-Type: " + type;
  text.append("\r\nContent-Length: ").append(std::to_string(body.size()));
  text.append("\r\nConnection: close\r\n\r\n").append(body);
  return text;
}

struct Connection : std::enable_shared_from_this<Connection> {
  Connection(tcp::socket socket, const std::function<std::string(const std::string&)>& route)
      : socket(std::move(socket)), timer(this->socket.get_executor()), route(route) {}

  void start() {
    timer.expires_after(kDeadline);
    timer.async_wait([self = shared_from_this()](const boost::system::error_code& error) {
      if (!error) self->socket.close();
    });
    asio::async_read_until(socket, asio::dynamic_buffer(request, kMaxRequestBytes), "\r\n",
                           [self = shared_from_this()](const boost::system::error_code& error, size_t) {
                             if (error) {
                               self->timer.cancel();
                               return;
                             }
                             self->reply = self->route(self->request.substr(0, self->request.find("\r\n")));
                             asio::async_write(self->socket, asio::buffer(self->reply),
                                               [self](const boost::system::error_code&, size_t) {
                                                 boost::system::error_code ignored;
                                                 self->socket.shutdown(tcp::socket::shutdown_both, ignored);
                                                 self->socket.close(ignored);
                                                 self->timer.cancel();
                                               });
                           });
  }

  tcp::socket socket;
  asio::steady_timer timer;
  const std::function<std::string(const std::string&)>& route;
  std::string request, reply;
};

}  // namespace

struct MetricsEndpoint::Impl {
  asio::io_context context;
  tcp::acceptor acceptor{context};
  std::function<std::string(const std::string&)> route;
  std::thread thread;

  void accept() {
    acceptor.async_accept([this](const boost::system::error_code& error, tcp::socket socket) {
      if (error) return;  // closed: the endpoint is going
      std::make_shared<Connection>(std::move(socket), route)->start();
      accept();
    });
  }
};

MetricsEndpoint::MetricsEndpoint(const std::string& host, int port, std::function<std::string()> metrics,
                                 std::function<bool()> ready)
    : impl_(std::make_unique<Impl>()) {
  impl_->route = [metrics = std::move(metrics), ready = std::move(ready)](const std::string& line) {
    // "GET /path HTTP/1.1": the path alone decides.
    const size_t start = line.find(' '), end = line.find(' ', start + 1);
    const std::string path = start == std::string::npos ? "" : line.substr(start + 1, end - start - 1);
    if (path == "/healthz") return answer(200, "text/plain", "ok\n");
    if (path == "/readyz") return ready() ? answer(200, "text/plain", "active\n") : answer(503, "text/plain", "standby\n");
    if (path == "/metrics") return answer(200, "text/plain; version=0.0.4", metrics());
    return answer(404, "text/plain", "/healthz, /readyz or /metrics\n");
  };
  try {
    const tcp::endpoint endpoint(asio::ip::make_address(host), static_cast<unsigned short>(port));
    impl_->acceptor.open(endpoint.protocol());
    impl_->acceptor.set_option(tcp::acceptor::reuse_address(true));
    impl_->acceptor.bind(endpoint);
    impl_->acceptor.listen();
  } catch (const std::exception& error) {
    throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port) + " for /metrics (" + error.what() +
                             "); choose another --metrics-port");
  }
  impl_->accept();
  impl_->thread = std::thread([this] { impl_->context.run(); });
}

MetricsEndpoint::~MetricsEndpoint() {
  asio::post(impl_->context, [this] {
    boost::system::error_code ignored;
    impl_->acceptor.close(ignored);
  });
  impl_->context.stop();
  impl_->thread.join();
}

}  // namespace storyline::worker
