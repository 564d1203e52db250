// The event-driven server (issue 16) against a real server on loopback: many idle and slow
// clients at once while others are answered, the caps on connections, keep-alive and pipelining,
// and a graceful stop. Answers are asserted, not their latency: speed goals are measured by
// scripts/load/hostile-load.py.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "serve/running_server.h"
#include "storyline/serve/http_server.h"
#include "temp_store.h"

using namespace storyline::serve;
using storyline::testing::RunningServer;
using Clock = std::chrono::steady_clock;

namespace {

// A non-blocking loopback connection from `source` (any 127.0.0.0/8 address: each is another
// client to the server's per-client cap); -1 when it cannot be made.
int connect_from(const char* source, int port) {
  const int socket = ::socket(AF_INET, SOCK_STREAM, 0);
  if (socket < 0) return -1;
  sockaddr_in local{};
  local.sin_family = AF_INET;
  ::inet_pton(AF_INET, source, &local.sin_addr);
  sockaddr_in server{};
  server.sin_family = AF_INET;
  server.sin_port = htons(static_cast<uint16_t>(port));
  server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(socket, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
      ::connect(socket, reinterpret_cast<sockaddr*>(&server), sizeof server) != 0) {
    ::close(socket);
    return -1;
  }
  ::fcntl(socket, F_SETFL, ::fcntl(socket, F_GETFL) | O_NONBLOCK);
  return socket;
}

// What came on `socket` within `patience`, until the server hung up or `enough` bytes came.
std::string read_some(int socket, std::chrono::milliseconds patience, size_t enough = size_t(-1)) {
  std::string received;
  const auto give_up = Clock::now() + patience;
  while (Clock::now() < give_up && received.size() < enough) {
    pollfd entry{socket, POLLIN, 0};
    if (::poll(&entry, 1, 20) <= 0) continue;
    char buffer[4096];
    const ssize_t got = ::recv(socket, buffer, sizeof buffer, 0);
    if (got <= 0) break;
    received.append(buffer, static_cast<size_t>(got));
  }
  return received;
}

bool send_all(int socket, const std::string& data) {
  size_t sent = 0;
  const auto give_up = Clock::now() + std::chrono::seconds(5);
  while (sent < data.size() && Clock::now() < give_up) {
    const ssize_t wrote = ::send(socket, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (wrote > 0) sent += static_cast<size_t>(wrote);
    else if (errno != EAGAIN && errno != EWOULDBLOCK) return false;
  }
  return sent == data.size();
}

std::string status_line(const std::string& answer) { return answer.substr(0, answer.find("\r\n")); }

struct Sockets {
  std::vector<int> all;
  ~Sockets() {
    for (int socket : all) ::close(socket);
  }
};

}  // namespace

// 1,000 connections that ask nothing and 200 that send their headers a byte at a time, from
// eight other clients: /healthz and /api/stories are still answered, every time. On the server
// with a thread per connection (96), the slow clients alone left nothing to answer with until
// their deadline (10 s), and the requests below timed out.
TEST(AsyncHttpServer, ManyIdleAndSlowClientsLeaveOthersAnswered) {
  RunningServer server;
  const int port = server.port();
  Sockets idle, slow;
  for (int i = 0; i < 1000; ++i) {
    const std::string source = "127.0.0." + std::to_string(2 + i % 8);
    const int socket = connect_from(source.c_str(), port);
    ASSERT_GE(socket, 0) << "idle connection " << i;
    idle.all.push_back(socket);
  }
  for (int i = 0; i < 200; ++i) {
    const std::string source = "127.0.0." + std::to_string(2 + i % 8);
    const int socket = connect_from(source.c_str(), port);
    ASSERT_GE(socket, 0) << "slow connection " << i;
    ASSERT_TRUE(send_all(socket, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "));
    slow.all.push_back(socket);
  }
  std::atomic<bool> done{false};
  std::thread trickler([&] {
    while (!done) {
      for (int socket : slow.all) ::send(socket, "a", 1, MSG_NOSIGNAL);
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  });
  auto client = server.client();
  client.set_read_timeout(5, 0);
  client.set_connection_timeout(5, 0);
  int answered = 0;
  for (int i = 0; i < 20; ++i) {
    const auto answer = client.Get(i % 2 ? "/api/stories?limit=50" : "/healthz");
    if (answer && answer->status == 200) ++answered;
  }
  done = true;
  trickler.join();
  EXPECT_EQ(answered, 20) << "every request answered while 1,200 connections were held";
}

// One connection too many from one client, or in all, is answered 503 (Retry-After) and closed;
// the others are served, and a connection closed makes room again.
TEST(AsyncHttpServer, ConnectionsOverTheCapsAreRefusedWith503) {
  ServerOptions options = RunningServer::small_server();
  options.max_connections_per_client = 3;
  options.max_connections = 5;
  RunningServer server(options);
  const int port = server.port();
  Sockets held;
  for (int i = 0; i < 3; ++i) held.all.push_back(connect_from("127.0.0.2", port));
  const int over_client_cap = connect_from("127.0.0.2", port);
  ASSERT_GE(over_client_cap, 0);
  const std::string refused = read_some(over_client_cap, std::chrono::milliseconds(3000));
  ::close(over_client_cap);
  EXPECT_EQ(status_line(refused), "HTTP/1.1 503 Service Unavailable");
  EXPECT_NE(refused.find("Retry-After: 1"), std::string::npos) << refused;
  EXPECT_NE(refused.find("one client may (3)"), std::string::npos) << refused;

  for (int i = 0; i < 2; ++i) held.all.push_back(connect_from("127.0.0.3", port));
  const int over_total_cap = connect_from("127.0.0.4", port);
  ASSERT_GE(over_total_cap, 0);
  const std::string full = read_some(over_total_cap, std::chrono::milliseconds(3000));
  ::close(over_total_cap);
  EXPECT_EQ(status_line(full), "HTTP/1.1 503 Service Unavailable");
  EXPECT_NE(full.find("most connections (5)"), std::string::npos) << full;

  // A held connection is served as any other.
  ASSERT_TRUE(send_all(held.all[0], "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  EXPECT_EQ(status_line(read_some(held.all[0], std::chrono::milliseconds(3000), 10)), "HTTP/1.1 200 OK");
  // Room again once one is closed (the server notices the close at once).
  ::close(held.all.back());
  held.all.pop_back();
  std::string answer;
  for (int attempt = 0; attempt < 50 && status_line(answer) != "HTTP/1.1 200 OK"; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const int socket = connect_from("127.0.0.4", port);
    send_all(socket, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    answer = read_some(socket, std::chrono::milliseconds(2000));
    ::close(socket);
  }
  EXPECT_EQ(status_line(answer), "HTTP/1.1 200 OK");
}

// One connection carries request after request, pipelined ones answered in order; HEAD gets the
// head alone, with the length GET's body has.
TEST(AsyncHttpServer, KeepAlivePipeliningAndHead) {
  RunningServer server;
  Sockets connection;
  connection.all.push_back(connect_from("127.0.0.1", server.port()));
  ASSERT_TRUE(send_all(connection.all[0],
                       "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                       "GET /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                       "HEAD /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                       "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
  const std::string answers = read_some(connection.all[0], std::chrono::milliseconds(5000));
  std::vector<std::string> statuses;
  for (size_t at = answers.find("HTTP/1.1 "); at != std::string::npos; at = answers.find("HTTP/1.1 ", at + 1))
    statuses.push_back(answers.substr(at, answers.find("\r\n", at) - at));
  EXPECT_EQ(statuses,
            (std::vector<std::string>{"HTTP/1.1 200 OK", "HTTP/1.1 404 Not Found", "HTTP/1.1 200 OK", "HTTP/1.1 200 OK"}))
      << answers;
  EXPECT_NE(answers.find("no GET route for '/nowhere'"), std::string::npos);
  EXPECT_EQ(answers.find("ok\nHTTP/1.1 200 OK\r\n"), answers.rfind("ok\nHTTP/1.1 200 OK\r\n")) << "HEAD has no body";
  EXPECT_TRUE(answers.ends_with("ok\n")) << "the last answer closed the connection";
}

// A client that waits for "100 Continue" before its body (curl does, for bodies over 1 KiB) gets
// it, then the answer.
TEST(AsyncHttpServer, ExpectContinueIsAnswered) {
  RunningServer server;
  Sockets connection;
  connection.all.push_back(connect_from("127.0.0.1", server.port()));
  const std::string body = R"({"title": "Harbour bridge reopens", "text": "The harbour bridge reopened to traffic today."})";
  ASSERT_TRUE(send_all(connection.all[0],
                       "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                       "application/json\r\nExpect: 100-continue\r\nContent-Length: " +
                           std::to_string(body.size()) + "\r\n\r\n"));
  EXPECT_EQ(status_line(read_some(connection.all[0], std::chrono::milliseconds(3000), 20)), "HTTP/1.1 100 Continue");
  ASSERT_TRUE(send_all(connection.all[0], body));
  EXPECT_EQ(status_line(read_some(connection.all[0], std::chrono::milliseconds(5000), 20)), "HTTP/1.1 201 Created");
}

// stop() (SIGTERM, SIGINT) stops accepting and closes idle connections at once, lets a request
// already being read finish and be answered, then listen returns.
TEST(AsyncHttpServer, StopLetsARequestInFlightFinish) {
  const storyline::testing::TempStore db{"graceful"};
  ServerOptions options = RunningServer::small_server();
  options.db = db.path;
  HttpServer server(options);
  const int port = server.bind_any_port();
  ASSERT_GT(port, 0);
  std::atomic<bool> returned{false};
  std::thread serving([&] {
    server.listen_after_bind();
    returned = true;
  });
  for (int i = 0; i < 200 && !server.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  Sockets sockets;
  const int idle = connect_from("127.0.0.1", port), busy = connect_from("127.0.0.1", port);
  sockets.all = {idle, busy};
  const std::string body = R"({"title": "Harbour bridge reopens", "text": "The harbour bridge reopened to traffic today."})";
  ASSERT_TRUE(send_all(busy,
                       "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       "Content-Length: " +
                           std::to_string(body.size()) + "\r\n\r\n" + body.substr(0, 10)));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  server.stop();
  EXPECT_EQ(read_some(idle, std::chrono::milliseconds(2000)), "") << "the idle connection is closed";
  EXPECT_LT(connect_from("127.0.0.1", port), 0) << "no new connection is accepted";
  EXPECT_FALSE(returned) << "the request in flight is still being read";
  ASSERT_TRUE(send_all(busy, body.substr(10)));
  const std::string answer = read_some(busy, std::chrono::milliseconds(5000));
  EXPECT_EQ(status_line(answer), "HTTP/1.1 201 Created");
  EXPECT_NE(answer.find("Connection: close"), std::string::npos) << answer;
  serving.join();
  EXPECT_TRUE(returned);
}
