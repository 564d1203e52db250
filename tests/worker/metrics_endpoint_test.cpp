// A worker's /healthz, /readyz and /metrics over a real socket.
#include "storyline/worker/metrics_endpoint.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>

namespace {

int free_loopback_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

}  // namespace

TEST(MetricsEndpoint, AStandbyIsAliveButNotReadyAndTheMetricsAreServed) {
  std::atomic<bool> active{false};
  const int port = free_loopback_port();
  storyline::worker::MetricsEndpoint endpoint(
      "127.0.0.1", port, [] { return std::string("storyline_worker_active 0\n"); }, [&active] { return active.load(); });
  httplib::Client client("127.0.0.1", port);
  auto health = client.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  auto standby = client.Get("/readyz");
  ASSERT_TRUE(standby);
  EXPECT_EQ(standby->status, 503);
  active = true;
  auto ready = client.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200);
  auto metrics = client.Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_EQ(metrics->body, "storyline_worker_active 0\n");
  auto unknown = client.Get("/other");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
}

TEST(MetricsEndpoint, APortInUseIsNamed) {
  const int port = free_loopback_port();
  storyline::worker::MetricsEndpoint first(
      "127.0.0.1", port, [] { return std::string(); }, [] { return true; });
  try {
    storyline::worker::MetricsEndpoint second(
        "127.0.0.1", port, [] { return std::string(); }, [] { return true; });
    FAIL() << "two endpoints on one port";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find(std::to_string(port)), std::string::npos) << error.what();
  }
}
