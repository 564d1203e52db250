#include "storyline/sources/poll_schedule.h"

#include <gtest/gtest.h>

using namespace storyline::sources;

TEST(PollSchedule, BacksOffExponentiallyUpToTheCeiling) {
  const PollSchedule schedule{600, 3600};
  EXPECT_EQ(next_due_at(1000, 0, schedule), 1600);
  EXPECT_EQ(next_due_at(1000, 1, schedule), 2200);
  EXPECT_EQ(next_due_at(1000, 2, schedule), 3400);
  EXPECT_EQ(next_due_at(1000, 3, schedule), 4600);  // 4800 capped at an hour
  EXPECT_EQ(next_due_at(1000, 1000, schedule), 4600);
}
