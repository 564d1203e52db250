// Politeness across processes against a real nats-server: turns booked for one host by two
// bookers (as two pollers would) at once come at least the host's delay apart; another host is
// not held back. Skipped, saying why, when nats-server is not installed.
#include "storyline/queue/host_pace.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <thread>
#include <vector>

#include "nats_server.h"

using namespace std::chrono_literals;
using storyline::queue::HostPace;

TEST(HostPace, TurnsForOneHostFromTwoBookersComeItsDelayApart) {
  storyline::testing::NatsServer server;
  if (server.address().empty()) GTEST_SKIP() << "no NATS server: " << server.why_not();
  HostPace one(server.address()), other(server.address());
  std::mutex mutex;
  std::vector<std::chrono::steady_clock::time_point> turns;
  const auto book = [&](HostPace& pace) {
    for (int i = 0; i < 5; ++i) {
      const auto wait = pace.book_turn("news.example", 200ms);
      const auto turn = std::chrono::steady_clock::now() + wait;
      std::lock_guard lock(mutex);
      turns.push_back(turn);
    }
  };
  std::thread a(book, std::ref(one)), b(book, std::ref(other));
  a.join();
  b.join();
  std::sort(turns.begin(), turns.end());
  ASSERT_EQ(turns.size(), 10u);
  // Each turn is measured here from the booking's answer, a few milliseconds after it was made.
  for (size_t i = 1; i < turns.size(); ++i) EXPECT_GE(turns[i] - turns[i - 1], 180ms) << i;
  EXPECT_LT(one.book_turn("other.example", 200ms), 50ms) << "another host has its own turns";
}
