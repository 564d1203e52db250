#include "storyline/ingest/feed_dates.h"

#include <gtest/gtest.h>

using storyline::ingest::normalize_feed_date;

TEST(FeedDates, Rfc822WithZonesBecomesUtc) {
  EXPECT_EQ(normalize_feed_date("Wed, 03 Jan 2018 13:47:00 GMT\r\n      "), "2018-01-03T13:47:00Z");
  EXPECT_EQ(normalize_feed_date("Sat, 21 Mar 2020 06:29:51 -0400"), "2020-03-21T10:29:51Z");
  EXPECT_EQ(normalize_feed_date("Mon, 1 Feb 2016 17:22 +0100"), "2016-02-01T16:22:00Z");
  EXPECT_EQ(normalize_feed_date("Tue, 10 Jun 2003 04:00:00 EDT"), "2003-06-10T08:00:00Z");
  EXPECT_EQ(normalize_feed_date("31 December 2020 23:30:00 -0100"), "2021-01-01T00:30:00Z");
  EXPECT_EQ(normalize_feed_date("Thu, 01 Jan 70 00:00:00 GMT"), "1970-01-01T00:00:00Z");
}

TEST(FeedDates, Iso8601AndRfc3339) {
  EXPECT_EQ(normalize_feed_date("2016-02-01T16:22:00.000Z"), "2016-02-01T16:22:00Z");
  EXPECT_EQ(normalize_feed_date("2003-12-13T18:30:02+01:00"), "2003-12-13T17:30:02Z");
  EXPECT_EQ(normalize_feed_date("2003-12-13 18:30:02"), "2003-12-13T18:30:02Z");
  EXPECT_EQ(normalize_feed_date("2020-02-29"), "2020-02-29");
  EXPECT_EQ(normalize_feed_date("20200229T101500Z"), "2020-02-29T10:15:00Z");
}

TEST(FeedDates, NonsenseIsRefused) {
  EXPECT_FALSE(normalize_feed_date(""));
  EXPECT_FALSE(normalize_feed_date("yesterday"));
  EXPECT_FALSE(normalize_feed_date("2019-02-29"));                     // not a leap year
  EXPECT_FALSE(normalize_feed_date("Wed, 32 Jan 2018 13:47:00 GMT"));  // no such day
  EXPECT_FALSE(normalize_feed_date("Wed, 03 Foo 2018 13:47:00 GMT"));
  EXPECT_FALSE(normalize_feed_date(std::string(10000, '9')));
}
