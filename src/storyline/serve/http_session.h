#pragma once
// Internal to the Beast server (async_http_server.cpp, http_session.cpp), the only files that
// include Boost.Beast and Asio: one connection's requests, read and answered within the limits
// of async_http_server.h, and what all connections share with the server.
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "storyline/serve/async_http_server.h"
#include "storyline/serve/request_body.h"

namespace storyline::serve::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

class HttpSession;

// The server's state that every connection reaches: limits, hooks, the handlers' pool, and the
// count of connections (in all and per client address) with a registry to close them on stop.
struct ServerCore {
  ServerCore(ConnectionLimits limits, RequestHooks hooks);

  const ConnectionLimits limits;
  const RequestHooks hooks;
  BodyBudget body_budget;
  std::atomic<bool> stopping{false};

  // Why a connection from `address` is not taken ("" when it is; then counted until released).
  std::string admit(const std::string& address);
  void add(const std::shared_ptr<HttpSession>& session);
  // A session's end: uncounts it; the last one's end, once stopping, lets the server's run() end.
  void release(HttpSession* session, const std::string& address);
  std::vector<std::shared_ptr<HttpSession>> sessions();
  size_t open_sessions();

  std::mutex mutex;
  std::map<std::string, size_t> per_client;
  size_t connections = 0;
  std::unordered_map<HttpSession*, std::weak_ptr<HttpSession>> registry;
  std::function<void()> on_all_closed;  // called (under no lock) when stopping and none is left

  // Declared last: destroyed first, while what its pending handlers reach still exists.
  asio::thread_pool workers;
  asio::io_context io;
};

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(tcp::socket socket, ServerCore& core, std::string address);
  ~HttpSession();
  HttpSession(const HttpSession&) = delete;
  HttpSession& operator=(const HttpSession&) = delete;

  void start();
  // The server stops: an idle connection closes now; one inside a request finishes it, then closes.
  void server_stopping();
  // The grace after stop() is over: closes whatever the connection was doing.
  void close_now();

 private:
  enum class Phase { idle, headers, body, handling, writing, lingering, closed };

  void wait_for_request();
  void read_headers();
  void on_headers(beast::error_code error);
  void read_body();
  void on_body_piece(beast::error_code error);
  void dispatch();
  void answer(Response response, bool close_after);
  void answer_error(int status, const std::string& message, bool retry_later = false);
  void on_written(beast::error_code error);
  void linger_and_close();
  void close();
  // Arms the deadline of this phase: at `when`, whatever is pending on the socket is cancelled.
  void arm(Clock::time_point when);
  void disarm();
  void start_timer(Clock::time_point when);

  tcp::socket socket_;
  asio::steady_timer deadline_;
  uint64_t deadline_generation_ = 0;                          // a wait started before the latest is ignored
  Clock::time_point deadline_at_ = Clock::time_point::max();  // max: none
  Clock::time_point timer_at_{};
  bool timer_waiting_ = false;
  bool deadline_passed_ = false;
  ServerCore& core_;
  const std::string address_;
  Phase phase_ = Phase::idle;

  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::buffer_body>> parser_;
  std::vector<char> piece_;
  std::unique_ptr<BodyDecoder> decoder_;
  uint64_t payload_bytes_ = 0;
  Clock::time_point started_{};
  Request request_;
  bool request_parsed_ = false;
  bool keep_alive_ = true;

  Response response_;
  std::optional<http::response<http::span_body<const char>>> message_;
  bool close_after_ = false;
  std::array<char, 4096> drain_{};
};

}  // namespace storyline::serve::detail
