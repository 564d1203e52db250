// Many leases over one connection (a lease per source) against a real nats-server: one holder
// of each at a time, kept by the table's own renewals, given up on release and at the end.
// Skipped, saying why, when nats-server is not installed.
#include "storyline/queue/lease_table.h"

#include <gtest/gtest.h>

#include <thread>

#include "nats_server.h"

using namespace std::chrono_literals;
using storyline::queue::LeaseTable;

TEST(LeaseTable, EachLeaseHasOneHolderKeptByRenewalsUntilReleased) {
  storyline::testing::NatsServer server;
  if (server.address().empty()) GTEST_SKIP() << "no NATS server: " << server.why_not();
  LeaseTable first(server.address(), {"test_leases", "first", 1s, 0});
  LeaseTable second(server.address(), {"test_leases", "second", 1s, 0});
  ASSERT_TRUE(first.try_acquire("source-1"));
  EXPECT_TRUE(second.try_acquire("source-2")) << "another source is free";
  EXPECT_FALSE(second.try_acquire("source-1"));
  // Three times its time to live later, still held: the table renews it by itself.
  std::this_thread::sleep_for(3s);
  EXPECT_TRUE(first.holds("source-1"));
  EXPECT_FALSE(second.try_acquire("source-1"));
  EXPECT_EQ(first.held(), 1u);
  first.release("source-1");
  EXPECT_FALSE(first.holds("source-1"));
  EXPECT_TRUE(second.try_acquire("source-1")) << "at once after release";
  EXPECT_EQ(first.lost(), 0u);
}

TEST(LeaseTable, LeasesOfATableThatEndsAreFreeAtOnce) {
  storyline::testing::NatsServer server;
  if (server.address().empty()) GTEST_SKIP() << "no NATS server: " << server.why_not();
  LeaseTable waiting(server.address(), {"test_leases", "waiting", 10s, 0});
  {
    LeaseTable holding(server.address(), {"test_leases", "holding", 10s, 0});
    ASSERT_TRUE(holding.try_acquire("source-7"));
    EXPECT_FALSE(waiting.try_acquire("source-7"));
  }
  EXPECT_TRUE(waiting.try_acquire("source-7"));
}
