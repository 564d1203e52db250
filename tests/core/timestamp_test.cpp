#include "storyline/core/timestamp.h"

#include <gtest/gtest.h>

using storyline::Timestamp;

TEST(Timestamp, KeepsTheTextAndComparesTheInstant) {
  const auto east = Timestamp::parse("2021-10-09T10:00:00+03:00");
  const auto utc = Timestamp::parse("2021-10-09T08:00:00Z");
  ASSERT_TRUE(east && utc);
  EXPECT_EQ(east->text(), "2021-10-09T10:00:00+03:00") << "as the publisher wrote it";
  EXPECT_EQ(east->utc(), "2021-10-09T07:00:00Z");
  EXPECT_LT(*east, *utc) << "10:00+03:00 is before 08:00Z, though its text sorts after";
  EXPECT_NE(*east, *utc);
  const auto same_instant = Timestamp::parse("2021-10-09T07:00:00Z");
  EXPECT_NE(*east, *same_instant) << "written differently";
  EXPECT_EQ(east->unix_seconds(), same_instant->unix_seconds());
  EXPECT_EQ(Timestamp::parse("2021-08-30")->utc(), "2021-08-30T00:00:00Z") << "a day alone is its midnight UTC";
}

TEST(Timestamp, WhatNamesNoInstantIsNone) {
  EXPECT_FALSE(Timestamp::parse("not a date"));
  EXPECT_FALSE(Timestamp::parse("2021-02-30"));
  EXPECT_FALSE(Timestamp::parse(std::optional<std::string>()));
  EXPECT_EQ(storyline::timestamp_text(std::nullopt), std::nullopt);
  EXPECT_EQ(storyline::timestamp_text(Timestamp::parse("2021-10-09T09:07:00Z")), "2021-10-09T09:07:00Z");
}
