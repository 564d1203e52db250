#include "storyline/core/iso_day.h"

#include <gtest/gtest.h>

#include <chrono>

using namespace storyline;

TEST(IsoDay, DaysFromCivilIsTheCalendarsCount) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(days_from_civil(2024, 2, 29), 19782);
  EXPECT_EQ(days_from_civil(2021, 1, 32), days_from_civil(2021, 2, 1));  // a day past the month counts on
  // Every day of four centuries either side of 1970, against the standard library's calendar.
  for (int64_t day = -146097 * 4; day <= 146097 * 4; day += 7) {
    const std::chrono::year_month_day date{std::chrono::sys_days(std::chrono::days(day))};
    int year = 0, month = 0, day_of_month = 0;
    civil_from_days(day, year, month, day_of_month);
    ASSERT_EQ(year, static_cast<int>(date.year())) << day;
    ASSERT_EQ(month, static_cast<int>(static_cast<unsigned>(date.month()))) << day;
    ASSERT_EQ(day_of_month, static_cast<int>(static_cast<unsigned>(date.day()))) << day;
    ASSERT_EQ(days_from_civil(year, month, day_of_month), day);
  }
}

TEST(IsoDay, PublishedDayAndBack) {
  EXPECT_EQ(published_day("2021-10-09T09:07:00Z"), 18909);
  EXPECT_EQ(published_day("1969-12-31"), -1);
  EXPECT_FALSE(published_day("2021-02-30").has_value());
  EXPECT_FALSE(published_day("2021/10/09").has_value());
  EXPECT_EQ(day_to_iso(18909), "2021-10-09");
  EXPECT_EQ(day_to_iso(-1), "1969-12-31");
  EXPECT_EQ(day_to_iso(0), "1970-01-01");
}
