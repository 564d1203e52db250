#include "storyline/core/iso_time.h"

#include <gtest/gtest.h>

using namespace storyline;

TEST(IsoTime, ParsesPublishedTimes) {
  EXPECT_EQ(parse_iso_unix("2021-10-09T09:07:00Z"), 1633770420);
  EXPECT_EQ(parse_iso_unix("2021-10-09"), 1633737600);
  EXPECT_EQ(parse_iso_unix("2021-10-09T11:07:00+02:00"), 1633770420);
  EXPECT_EQ(parse_iso_unix("2021-10-09T04:07:00-0500"), 1633770420);
  EXPECT_EQ(parse_iso_unix("2021-10-09T09:07:00.250Z"), 1633770420);
  EXPECT_EQ(parse_iso_unix("2021-10-09T09:07"), 1633770420);
  EXPECT_EQ(parse_iso_unix("1969-12-31T23:59:59Z"), -1);
  EXPECT_EQ(parse_iso_unix("2024-02-29"), 1709164800);
  for (const char* bad : {"", "2021", "2021-13-01", "2021-02-30", "2023-02-29", "2021-10-09T25:00Z", "yesterday",
                          "2021-10-09Tnoon", "2021-10-09T09:07:00Zjunk"})
    EXPECT_FALSE(parse_iso_unix(bad).has_value()) << bad;
}

TEST(IsoTime, TakesIsoTimesOrUnixSeconds) {
  EXPECT_EQ(parse_time_or_unix("1699480000"), 1699480000);
  EXPECT_EQ(parse_time_or_unix("-5"), -5);
  EXPECT_EQ(parse_time_or_unix("2023-11-08T21:46:40Z"), 1699480000);
  EXPECT_EQ(parse_time_or_unix("2023-11-08"), 1699401600);
  for (const char* bad : {"", "bogus", "12abc", "1.5", "2023-11-08T", "99999999999999999999999", "+", "-"})
    EXPECT_FALSE(parse_time_or_unix(bad).has_value()) << bad;
}

TEST(IsoTime, WritesUtc) { EXPECT_EQ(iso_utc(1633770420), "2021-10-09T09:07:00Z"); }
