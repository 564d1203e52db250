// The lease (one holder at a time, gone by itself after its time to live) against a real
// nats-server. Skipped, saying why, when nats-server is not installed.
#include "storyline/queue/lease.h"

#include <gtest/gtest.h>

#include <thread>

#include "nats_server.h"

using namespace std::chrono_literals;
using storyline::queue::Lease;
using storyline::queue::LeaseSettings;

namespace {

LeaseSettings settings(const std::string& holder) {
  LeaseSettings lease;
  lease.name = "cluster-all";
  lease.holder = holder;
  lease.ttl = 1s;
  return lease;
}

}  // namespace

TEST(Lease, HasOneHolderAndLapsesAfterItsTimeToLive) {
  storyline::testing::NatsServer server;
  if (server.address().empty()) GTEST_SKIP() << "no NATS server: " << server.why_not();
  Lease first(server.address(), settings("first")), second(server.address(), settings("second"));
  ASSERT_TRUE(first.try_acquire());
  EXPECT_FALSE(second.try_acquire());
  EXPECT_EQ(second.holder_now(), "first");
  // Renewed within its time to live, it stays held past it.
  for (int i = 0; i < 4; ++i) {
    std::this_thread::sleep_for(400ms);
    ASSERT_TRUE(first.renew());
  }
  EXPECT_FALSE(second.try_acquire());
  // Not renewed (its holder stalled or died), it lapses, and the other takes it.
  std::this_thread::sleep_for(1500ms);
  EXPECT_TRUE(second.try_acquire());
  EXPECT_FALSE(first.renew()) << "the stalled holder finds it lost";
  EXPECT_EQ(first.holder_now(), "second");
}

TEST(Lease, IsGivenUpWhenItsHolderEndsCleanly) {
  storyline::testing::NatsServer server;
  if (server.address().empty()) GTEST_SKIP() << "no NATS server: " << server.why_not();
  Lease waiting(server.address(), settings("waiting"));
  {
    Lease holding(server.address(), settings("holding"));
    ASSERT_TRUE(holding.try_acquire());
    EXPECT_FALSE(waiting.try_acquire());
  }
  EXPECT_TRUE(waiting.try_acquire()) << "at once, not after the time to live";
}
