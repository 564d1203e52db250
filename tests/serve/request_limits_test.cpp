// The server's limits on each request (issue 16), tried over raw sockets against a real server on
// loopback: clients that send a byte at a time, headers and bodies over their bounds (chunked
// and compressed alike), connections that hold a worker without asking anything.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "serve/running_server.h"
#include "storyline/serve/gzip_body.h"
#include "storyline/serve/http_server.h"

using namespace storyline::serve;
using nlohmann::json;
using storyline::testing::RunningServer;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// A raw loopback connection: sends what it is told, reads what comes, notices when the server
// hangs up.
class RawConnection {
 public:
  explicit RawConnection(int port) : socket_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = socket_ >= 0 && ::connect(socket_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    if (connected_) ::fcntl(socket_, F_SETFL, ::fcntl(socket_, F_GETFL) | O_NONBLOCK);
  }
  ~RawConnection() {
    if (socket_ >= 0) ::close(socket_);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }
  bool closed() const { return closed_; }
  const std::string& received() const { return received_; }
  std::string status_line() const { return received_.substr(0, received_.find("\r\n")); }

  // Sends `data` while reading what the server says; stops sending once it has answered or hung
  // up (as a client does that watches its connection). False when not all of it went out.
  bool send(const std::string& data, std::chrono::milliseconds patience = std::chrono::milliseconds(10'000)) {
    size_t sent = 0;
    const auto give_up = Clock::now() + patience;
    while (sent < data.size() && !closed_ && received_.empty() && Clock::now() < give_up) {
      pollfd entry{socket_, POLLIN | POLLOUT, 0};
      if (::poll(&entry, 1, 50) <= 0) continue;
      if (entry.revents & (POLLIN | POLLHUP | POLLERR)) {
        read_available();
        continue;
      }
      const ssize_t wrote = ::send(socket_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (wrote > 0) sent += static_cast<size_t>(wrote);
      else if (errno != EAGAIN && errno != EWOULDBLOCK) closed_ = true;
    }
    return sent == data.size();
  }

  // Reads until the server hangs up or `patience` passes; true when it hung up.
  bool read_until_closed(std::chrono::milliseconds patience) {
    const auto give_up = Clock::now() + patience;
    while (!closed_ && Clock::now() < give_up) {
      pollfd entry{socket_, POLLIN, 0};
      if (::poll(&entry, 1, 20) > 0) read_available();
    }
    return closed_;
  }

  // Reads until a whole answer's head is in (or the server hangs up, or `patience` passes).
  void read_head(std::chrono::milliseconds patience) {
    const auto give_up = Clock::now() + patience;
    while (!closed_ && received_.find("\r\n\r\n") == std::string::npos && Clock::now() < give_up) {
      pollfd entry{socket_, POLLIN, 0};
      if (::poll(&entry, 1, 20) > 0) read_available();
    }
  }

 private:
  void read_available() {
    char buffer[4096];
    for (;;) {
      const ssize_t got = ::recv(socket_, buffer, sizeof buffer, 0);
      if (got > 0) {
        received_.append(buffer, static_cast<size_t>(got));
        continue;
      }
      if (got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) closed_ = true;
      return;
    }
  }

  int socket_;
  bool connected_ = false;
  bool closed_ = false;
  std::string received_;
};

// A slowloris: `head` at once, then `trickle` a byte every 100 ms, until the server answers or
// hangs up, or 8 s pass. How long the server let it go on, and what it said.
struct Trickled {
  double seconds = 0;
  bool cut_off = false;
  std::string status_line;
};
Trickled trickle(int port, const std::string& head, const std::string& trickle) {
  RawConnection connection(port);
  Trickled result;
  if (!connection.connected() || !connection.send(head)) return result;
  const auto start = Clock::now();
  for (size_t i = 0; seconds_since(start) < 8 && !connection.closed() && connection.received().empty(); ++i) {
    connection.send(std::string(1, trickle[i % trickle.size()]));
    connection.read_head(std::chrono::milliseconds(100));
  }
  result.seconds = seconds_since(start);
  result.cut_off = connection.read_until_closed(std::chrono::milliseconds(2000));
  result.status_line = connection.status_line();
  return result;
}

std::string chunked(const std::string& body, size_t chunk) {
  std::ostringstream out;
  for (size_t at = 0; at < body.size(); at += chunk) {
    const std::string piece = body.substr(at, chunk);
    out << std::hex << piece.size() << "\r\n" << piece << "\r\n";
  }
  out << "0\r\n\r\n";
  return out.str();
}

// An article as a document JSON of about `bytes` bytes.
std::string article_json(size_t bytes) {
  std::string text;
  while (text.size() < bytes) text += "The harbour bridge reopened to traffic after eight months of repairs. ";
  return json{{"title", "Harbour bridge reopens"}, {"text", text}, {"url", "https://example.com/bridge"}}.dump();
}

size_t stored_documents(const RunningServer& server) {
  const auto metrics = server.client().Get("/metrics");
  const std::string marker = "\nstoryline_documents ";
  const size_t at = metrics ? metrics->body.find(marker) : std::string::npos;
  return at == std::string::npos ? size_t(-1) : std::stoul(metrics->body.substr(at + marker.size()));
}

}  // namespace

// Two workers, both taken by clients that send their headers (or body) a byte at a time: the
// library's read timeout (10 s here) never trips, as each byte comes within it. The deadlines cut
// them off, with a 408, and a client asking meanwhile is answered once they are.
TEST(RequestLimits, AByteAtATimeClientIsCutOffAtTheDeadlineAndOthersAreServed) {
  ServerOptions options = RunningServer::small_server();
  options.worker_threads = 2;
  options.header_deadline_seconds = 1;
  options.request_deadline_seconds = 2;
  RunningServer server(options);
  const int port = server.port();

  Trickled in_headers, in_body;
  std::thread header_trickler(
      [&] { in_headers = trickle(port, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", "abcdefgh"); });
  const std::string body = article_json(200);
  std::thread body_trickler([&] {
    in_body = trickle(port,
                      "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      "Content-Length: " +
                          std::to_string(body.size()) + "\r\n\r\n",
                      body);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // both workers are taken
  const auto asked = Clock::now();
  auto client = server.client();
  client.set_read_timeout(8, 0);
  const auto health = client.Get("/healthz");
  const double waited = seconds_since(asked);
  header_trickler.join();
  body_trickler.join();

  ASSERT_TRUE(health) << "the other client was never answered";
  EXPECT_EQ(health->status, 200);
  EXPECT_LT(waited, 3.0) << "answered once a trickler's deadline passed";
  EXPECT_TRUE(in_headers.cut_off);
  EXPECT_GE(in_headers.seconds, 0.8);
  EXPECT_LT(in_headers.seconds, 2.5) << "the header deadline is 1 s";
  EXPECT_EQ(in_headers.status_line, "HTTP/1.1 408 Request Timeout");
  EXPECT_TRUE(in_body.cut_off);
  EXPECT_GE(in_body.seconds, 1.8);
  EXPECT_LT(in_body.seconds, 3.5) << "the request deadline is 2 s";
  EXPECT_EQ(in_body.status_line, "HTTP/1.1 408 Request Timeout");
  EXPECT_EQ(stored_documents(server), 0u) << "the trickled article is not stored";
  // A client that sends its request at once on a fresh connection is served as before.
  EXPECT_EQ(server.client().Post("/api/articles", body, "application/json")->status, 201);
}

// The request line and headers are bounded as a whole (the library bounds each line only): 431.
TEST(RequestLimits, HeadersOverTheirBoundAre431) {
  ServerOptions options = RunningServer::small_server();
  options.max_header_bytes = 16 << 10;
  RunningServer server(options);
  std::string headers;
  for (int i = 0; headers.size() < 20'000; ++i)
    headers += "X-Filler-" + std::to_string(i) + ": " + std::string(4000, 'x') + "\r\n";
  RawConnection connection(server.port());
  ASSERT_TRUE(connection.connected());
  connection.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n");
  EXPECT_TRUE(connection.read_until_closed(std::chrono::milliseconds(5000))) << "the connection is closed";
  EXPECT_EQ(connection.status_line(), "HTTP/1.1 431 Request Header Fields Too Large");
  // Under the bound, many headers are fine.
  httplib::Headers some;
  for (int i = 0; i < 3; ++i) some.emplace("X-Filler-" + std::to_string(i), std::string(4000, 'x'));
  EXPECT_EQ(server.client().Get("/healthz", some)->status, 200);
}

// A chunked body has no Content-Length for the library to check: it is bounded as it is read,
// whatever the route. Over the limit: 413; a chunk size that is no number: 400; nothing stored.
TEST(RequestLimits, ChunkedBodiesAreHeldToTheLimit) {
  RunningServer server;  // 1 MiB bodies
  const std::string small = article_json(2000);
  const std::string large = article_json(3 << 19);  // 1.5 MiB
  const auto post = [&](const std::string& target, const std::string& chunked_body) {
    RawConnection connection(server.port());
    connection.send("POST " + target +
                    " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    "Transfer-Encoding: chunked\r\n\r\n" +
                    chunked_body);
    connection.read_head(std::chrono::milliseconds(10'000));
    return connection.status_line();
  };
  EXPECT_EQ(post("/api/articles", chunked(large, 64 << 10)), "HTTP/1.1 413 Payload Too Large");
  EXPECT_EQ(post("/api/articles", chunked(large, 100)), "HTTP/1.1 413 Payload Too Large") << "small chunks alike";
  EXPECT_EQ(post("/nowhere", chunked(large, 64 << 10)), "HTTP/1.1 413 Payload Too Large") << "a path no route takes";
  {
    RawConnection connection(server.port());
    connection.send(
        "PUT /bridge.html HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/html\r\n"
        "Transfer-Encoding: chunked\r\n\r\n" +
        chunked(large, 64 << 10));
    connection.read_head(std::chrono::milliseconds(10'000));
    EXPECT_EQ(connection.status_line(), "HTTP/1.1 413 Payload Too Large") << "the contest's PUT";
  }
  EXPECT_EQ(post("/api/articles", "zz\r\n" + small + "\r\n0\r\n\r\n"), "HTTP/1.1 400 Bad Request");
  EXPECT_EQ(post("/api/articles", "10\r\n" + small.substr(0, 40) + "\r\n0\r\n\r\n"), "HTTP/1.1 400 Bad Request")
      << "a chunk longer than its size says";
  EXPECT_EQ(stored_documents(server), 0u) << "nothing stored";
  EXPECT_EQ(server.client().Get("/api/articles/bridge.html")->status, 404);
  // Within the limit, a chunked body is read as any other.
  EXPECT_EQ(post("/api/articles", chunked(small, 100)), "HTTP/1.1 201 Created");
  EXPECT_EQ(stored_documents(server), 1u);
}

// A body sent with Content-Encoding: gzip is inflated as it is read and stopped at the limit: a
// 146 KB request that inflates to 32 MiB gets 413, not 32 MiB of memory, whatever its framing,
// and nothing is stored. Raw sockets: the server answers while the client is still sending.
TEST(RequestLimits, CompressedBodiesAreHeldToTheLimitOnceInflated) {
  RunningServer server;  // 1 MiB bodies
  const std::string bomb = gzip_body(std::string(32 << 20, ' '));
  ASSERT_LT(bomb.size(), 256u << 10);
  const auto send = [&](const std::string& head, const std::string& body) {
    RawConnection connection(server.port());
    connection.send(head + body);
    connection.read_until_closed(std::chrono::milliseconds(5000));
    return connection.status_line() + " " +
           connection.received().substr(std::min(connection.received().size(), connection.received().find("\r\n\r\n") + 4));
  };
  const std::string json_head =
      "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\n";
  const std::string refused = send(json_head + "Content-Encoding: gzip\r\nContent-Length: " + std::to_string(bomb.size()) +
                                       "\r\n\r\n",
                                   bomb);
  EXPECT_TRUE(refused.starts_with("HTTP/1.1 413 Payload Too Large")) << refused;
  EXPECT_NE(refused.find("once its gzip is undone"), std::string::npos) << refused;
  const std::string chunked_bomb = send(
      "PUT /bomb.html HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
      "Transfer-Encoding: chunked\r\n\r\n",
      chunked(bomb, 4096));
  EXPECT_TRUE(chunked_bomb.starts_with("HTTP/1.1 413 Payload Too Large")) << "chunked and compressed: " << chunked_bomb;
  const std::string not_gzip = send(json_head + "Content-Encoding: gzip\r\nContent-Length: 15\r\n\r\n", "not gzip at all");
  EXPECT_TRUE(not_gzip.starts_with("HTTP/1.1 400 Bad Request")) << not_gzip;
  EXPECT_EQ(stored_documents(server), 0u) << "nothing stored";
  EXPECT_EQ(server.client().Get("/api/articles/bomb.html")->status, 404);
  // A compressed article within the limit is read as any other.
  const std::string small = gzip_body(article_json(2000));
  const std::string accepted = send(json_head + "Content-Encoding: gzip\r\nContent-Length: " + std::to_string(small.size()) +
                                        "\r\n\r\n",
                                    small);
  EXPECT_TRUE(accepted.starts_with("HTTP/1.1 201 Created")) << accepted;
}

// A connection that asks nothing (or nothing more) holds no thread: with two workers and 200 idle
// connections, one of which asked once, a request is answered at once (the thread-per-connection
// server answered it only once an idle connection gave its worker up); idle connections are
// closed after the keep-alive wait.
TEST(RequestLimits, IdleConnectionsHoldNoWorker) {
  ServerOptions options = RunningServer::small_server();
  options.worker_threads = 2;
  options.keep_alive_seconds = 2;
  RunningServer server(options);
  std::vector<std::unique_ptr<RawConnection>> idle;
  for (int i = 0; i < 200; ++i) {
    idle.push_back(std::make_unique<RawConnection>(server.port()));
    ASSERT_TRUE(idle.back()->connected());
  }
  idle[0]->send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");  // one asked once, then idles
  idle[0]->read_head(std::chrono::milliseconds(2000));
  ASSERT_EQ(idle[0]->status_line(), "HTTP/1.1 200 OK");
  auto client = server.client();
  client.set_read_timeout(1, 0);
  const auto health = client.Get("/healthz");
  ASSERT_TRUE(health) << "answered while 200 connections idle";
  EXPECT_EQ(health->status, 200);
  const auto stories = client.Get("/api/stories");
  ASSERT_TRUE(stories) << "a route that reads the store, on a worker, answered too";
  EXPECT_EQ(stories->status, 200);
  EXPECT_TRUE(idle[0]->read_until_closed(std::chrono::milliseconds(4000))) << "closed after the keep-alive wait";
  EXPECT_TRUE(idle[199]->read_until_closed(std::chrono::milliseconds(4000))) << "a fresh connection's wait alike";
}

// A body that is itself gzip (a saved page.html.gz, no Content-Encoding) is inflated by the
// reader, within the body limit, not the 256 MiB a file may inflate to: a page of 2 MiB in 20 KB
// of gzip is refused with the reason, and nothing is stored; a small one is read.
TEST(RequestLimits, AGzipBodyIsInflatedWithinTheLimit) {
  RunningServer server;  // 1 MiB bodies
  std::string page =
      "<html><head><title>Harbour bridge reopens</title></head><body><article><h1>Harbour bridge reopens</h1>";
  while (page.size() < (2u << 20)) page += "<p>The harbour bridge reopened to traffic after eight months of repairs.</p>";
  page += "</article></body></html>";
  const std::string bomb = gzip_body(page);
  ASSERT_LT(bomb.size(), 1u << 20);
  const auto send = [&](const std::string& target, const std::string& body) {
    RawConnection connection(server.port());
    const std::string method = target.starts_with("/api/") ? "POST " : "PUT ";
    connection.send(method + target +
                    " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/gzip\r\nConnection: close\r\n"
                    "Content-Length: " +
                    std::to_string(body.size()) + "\r\n\r\n" + body);
    connection.read_until_closed(std::chrono::milliseconds(10'000));
    return connection.status_line() + " " +
           connection.received().substr(std::min(connection.received().size(), connection.received().find("\r\n\r\n") + 4));
  };
  const std::string refused = send("/api/articles?url=https://example.com/bridge", bomb);
  EXPECT_TRUE(refused.starts_with("HTTP/1.1 400 Bad Request")) << refused;
  EXPECT_NE(refused.find("inflates past"), std::string::npos) << refused;
  EXPECT_TRUE(send("/bridge.html", bomb).starts_with("HTTP/1.1 400 Bad Request"));
  EXPECT_EQ(stored_documents(server), 0u) << "nothing stored";
  const std::string small = send("/api/articles?url=https://example.com/bridge",
                                 gzip_body(page.substr(0, 4000) + "</article></body></html>"));
  EXPECT_TRUE(small.starts_with("HTTP/1.1 201 Created")) << small;
}

// Bodies being read share one budget of memory (issue 16: six 1 MB gzip bombs at once each took
// their limit): one that would pass it is answered 503 with Retry-After, before it is read, and is
// taken once the other is done.
TEST(RequestLimits, BodiesAtOnceAreHeldToTheSharedBudget) {
  ServerOptions options = RunningServer::small_server();  // 1 MiB bodies
  options.max_bodies_in_flight_bytes = 3 << 19;           // 1.5 MiB for all of them
  RunningServer server(options);
  const std::string body = article_json(900'000);
  const std::string head =
      "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\n\r\n";
  RawConnection first(server.port()), second(server.port());
  first.send(head + body.substr(0, 1000));  // its length is taken from the budget, the rest waits
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  second.send(head + body.substr(0, 1000));
  second.read_head(std::chrono::milliseconds(5000));
  EXPECT_EQ(second.status_line(), "HTTP/1.1 503 Service Unavailable");
  EXPECT_NE(second.received().find("Retry-After: 1"), std::string::npos) << second.received();
  first.send(body.substr(1000));
  first.read_head(std::chrono::milliseconds(10'000));
  EXPECT_EQ(first.status_line(), "HTTP/1.1 201 Created");
  RawConnection again(server.port());
  again.send(head + body);
  again.read_head(std::chrono::milliseconds(10'000));
  EXPECT_EQ(again.status_line(), "HTTP/1.1 201 Created") << "the budget is given back";
}
