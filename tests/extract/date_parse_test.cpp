#include "storyline/extract/date_parse.h"

#include <gtest/gtest.h>

using storyline::extract::date_from_url_path;
using storyline::extract::parse_date_to_iso;

namespace {
std::string parsed(std::string_view text) { return parse_date_to_iso(text).value_or("<none>"); }
}  // namespace

TEST(DateParse, Iso8601KeepsTimeAndZoneAsGiven) {
  EXPECT_EQ(parsed("2021-10-09"), "2021-10-09");
  EXPECT_EQ(parsed("2021-10-09T09:07:00Z"), "2021-10-09T09:07:00Z");
  EXPECT_EQ(parsed("2021-10-09T09:07:00+02:00"), "2021-10-09T09:07:00+02:00");
  EXPECT_EQ(parsed("2021-10-09T09:07:00.123-0500"), "2021-10-09T09:07:00-05:00");
  EXPECT_EQ(parsed("2021-10-09 09:07"), "2021-10-09T09:07:00");
  EXPECT_EQ(parsed("2021-10-09T09:07:00+00:00"), "2021-10-09T09:07:00+00:00");
  EXPECT_EQ(parsed("2021/10/09"), "2021-10-09");
}

TEST(DateParse, Rfc822AsInFeeds) {
  EXPECT_EQ(parsed("Sat, 09 Oct 2021 09:07:00 GMT"), "2021-10-09T09:07:00Z");
  EXPECT_EQ(parsed("Sat, 09 Oct 2021 09:07:00 +0200"), "2021-10-09T09:07:00+02:00");
  EXPECT_EQ(parsed("Tue, 10 Jun 2003 04:00:00 EST"), "2003-06-10T04:00:00-05:00");
  EXPECT_EQ(parsed("Sun Nov 23 16:00:00 EDT 2014"), "2014-11-23T16:00:00-04:00");
}

TEST(DateParse, EnglishWrittenDates) {
  EXPECT_EQ(parsed("October 9, 2021"), "2021-10-09");
  EXPECT_EQ(parsed("Wednesday, Oct. 29, 2025"), "2025-10-29");
  EXPECT_EQ(parsed("9 Oct 2021"), "2021-10-09");
  EXPECT_EQ(parsed("9th of October, 2021"), "2021-10-09");
  EXPECT_EQ(parsed("Published: Sept. 3, 2020 at 4:15 p.m. EDT"), "2020-09-03T16:15:00-04:00");
  EXPECT_EQ(parsed("Updated 12:30 AM, January 2, 2019"), "2019-01-02");
  EXPECT_EQ(parsed("Jan 5, 2019 12:00 am"), "2019-01-05T00:00:00");
}

TEST(DateParse, OtherLanguagesMonthNames) {
  EXPECT_EQ(parsed("9. Oktober 2021"), "2021-10-09");
  EXPECT_EQ(parsed("3. März 2020, 14:05 Uhr"), "2020-03-03T14:05:00");
  EXPECT_EQ(parsed("1er janvier 2021"), "2021-01-01");
  EXPECT_EQ(parsed("12 Décembre 2019"), "2019-12-12");
  EXPECT_EQ(parsed("9 de octubre de 2021"), "2021-10-09");
  EXPECT_EQ(parsed("9 ottobre 2021"), "2021-10-09");
  EXPECT_EQ(parsed("15 de março de 2022"), "2022-03-15");
  EXPECT_EQ(parsed("4 mei 2020"), "2020-05-04");
  EXPECT_EQ(parsed("2021年10月9日 09:30"), "2021-10-09T09:30:00");
}

TEST(DateParse, NumericDayFirstAndUsMonthFirst) {
  EXPECT_EQ(parsed("09.10.2021"), "2021-10-09");
  EXPECT_EQ(parsed("09.10.2021 um 18:30"), "2021-10-09T18:30:00");
  EXPECT_EQ(parsed("10/09/2021"), "2021-10-09");
  EXPECT_EQ(parsed("25/12/2021"), "2021-12-25");
  EXPECT_EQ(parsed("31.10.23"), "2023-10-31");
  EXPECT_FALSE(parse_date_to_iso("version 1.10.23.4"));
}

TEST(DateParse, SlashDatesDayFirstWhenThePageWritesThemSo) {
  using storyline::extract::SlashDateOrder;
  EXPECT_EQ(parse_date_to_iso("10/05/2022 05:22 pm", SlashDateOrder::kDayFirst).value_or(""), "2022-05-10T17:22:00");
  EXPECT_EQ(parse_date_to_iso("10/05/2022", SlashDateOrder::kMonthFirst).value_or(""), "2022-10-05");
  // A second number above 12 can only be the day, whatever the page's habit.
  EXPECT_EQ(parse_date_to_iso("05/25/2022", SlashDateOrder::kDayFirst).value_or(""), "2022-05-25");
  EXPECT_EQ(parse_date_to_iso("25/05/2022", SlashDateOrder::kMonthFirst).value_or(""), "2022-05-25");
}

TEST(DateParse, NumbersAlone) {
  EXPECT_EQ(parsed("20211009"), "2021-10-09");
  EXPECT_EQ(parsed("1633770420"), "2021-10-09T09:07:00Z");
  EXPECT_EQ(parsed("1633770420000"), "2021-10-09T09:07:00Z");
}

TEST(DateParse, RejectsImpossibleAndIncompleteDates) {
  EXPECT_FALSE(parse_date_to_iso("2021-02-30"));
  EXPECT_FALSE(parse_date_to_iso("2021-13-01"));
  EXPECT_FALSE(parse_date_to_iso("31.04.2021"));
  EXPECT_FALSE(parse_date_to_iso("October 2021"));
  EXPECT_FALSE(parse_date_to_iso("yesterday"));
  EXPECT_FALSE(parse_date_to_iso(""));
  EXPECT_EQ(parsed("2020-02-29"), "2020-02-29");
  // An impossible time keeps the date and drops the time rather than inventing one.
  EXPECT_EQ(parsed("2021-10-09T25:07:00Z"), "2021-10-09");
}

TEST(DateParse, DateInUrlPath) {
  EXPECT_EQ(date_from_url_path("https://example.com/news/2021/10/09/some-story/").value_or(""), "2021-10-09");
  EXPECT_EQ(date_from_url_path("https://example.com/2021-10-09-some-story.html").value_or(""), "2021-10-09");
  EXPECT_EQ(date_from_url_path("https://example.com/jmcs/detail/20200102/1000_1.html").value_or(""), "2020-01-02");
  EXPECT_FALSE(date_from_url_path("https://example.com/2021/10/some-story/"));
  EXPECT_FALSE(date_from_url_path("https://example.com/item/2021/13/45/"));
  EXPECT_FALSE(date_from_url_path("https://2021.example.com/a?d=2021/10/09"));
}
