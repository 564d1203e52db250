#include "storyline/extract/context_date.h"

#include <gtest/gtest.h>

#include <string>

#include "storyline/core/iso_day.h"

namespace storyline::extract {
namespace {

int32_t day(const char* iso) { return *published_day(iso); }

std::string answer(std::string_view title, std::string_view text, std::string_view language) {
  const auto date = date_from_context(title, text, language);
  if (!date) return "none";
  std::string out = day_to_iso(date->first_day);
  if (date->precision == DatePrecision::kMonth) out = out.substr(0, 7);
  if (date->precision == DatePrecision::kYear) out = out.substr(0, 4);
  return out + " " + evidence_name(date->evidence);
}

TEST(ContextDate, DatelineWinsOverEarlierAndLaterDates) {
  EXPECT_EQ(answer("Airbus wins order",
                   "TOULOUSE, June 13, 2005 — Airbus, which was founded in 1970, expects first deliveries on 1 March 2007.",
                   "en"),
            "2005-06-13 dateline");
  EXPECT_EQ(answer("", "13 июня 2005 года\nВ Париже подписано соглашение, действующее с 1 января 2006 года.", "ru"),
            "2005-06-13 dateline");
}

// A dateline date that ends the text is read to its end, never past it (it was, on an exact-size buffer).
TEST(ContextDate, ADatelineThatEndsTheTextIsReadSafely) {
  const std::string text = "Paris, 13 June 2005";
  const std::string exact(text.begin(), text.end());  // no spare bytes after the view
  EXPECT_EQ(answer("", std::string_view(exact.data(), exact.size()), "en"), "2005-06-13 dateline");
}

// "mar" is Tuesday's short name in Spanish and French and March's in English: a date after it
// reads it as a month.
TEST(ContextDate, AWeekdayNameThatIsAlsoAMonthNameReadsAsTheMonth) {
  EXPECT_EQ(answer("", "The first count of the vote, held on Mar. 5, 2005, was repeated.", "es"), "2005-03-05 full date");
}

TEST(ContextDate, PhotoCaptionDatesTheReport) {
  const char* text =
      "Negotiations will seek verifiable Taliban steps.\n"
      "Afghan refugees sit beside trucks at a border crossing point which partially opens following Oct.19 ceasefire, "
      "Wednesday, Oct. 29, 2025. (AP Photo/H. Achakzai)\n"
      "The border has been closed since 2023 for trade.";
  EXPECT_EQ(answer("Pakistan Extends Istanbul Talks", text, "en"), "2025-10-29 caption");
}

TEST(ContextDate, LatestFullDateAndDatesWithoutYearNearIt) {
  EXPECT_EQ(answer("", "The plant opened on 4 July 2003. On 20 June 2005 Airbus said it would close it by March.", "en"),
            "2005-06-20 full date");
  // "January 12" in a report that also names 30 December 2006 is the January after it.
  EXPECT_EQ(answer("", "Sales fell after December 30, 2006. On January 12 the board met.", "en"), "2007-01-12 full date");
  EXPECT_EQ(answer("", "Il 30 agosto 2021 gli ultimi soldati hanno lasciato Kabul; il 2 settembre l'ambasciata ha chiuso.",
                   "it"),
            "2021-09-02 full date");
}

TEST(ContextDate, DateWithoutYearTakesAYearNamedElsewhere) {
  EXPECT_EQ(answer("", "Estados Unidos cerró su embajada en agosto de 2021. El 30 de agosto partió el último avión.", "es"),
            "2021-08-30 day, year from text");
  // The weekday chooses among the years near the one named: 30 August was a Monday in 2021.
  EXPECT_EQ(answer("", "The talks, first planned in 2020, ended on Monday, August 30.", "en"),
            "2021-08-30 day, year from text");
}

TEST(ContextDate, CoarseAnswersSayHowCoarse) {
  EXPECT_EQ(answer("", "Het bedrijf werd in maart 2008 overgenomen.", "nl"), "2008-03 month of a year");
  EXPECT_EQ(answer("", "Die Fabrik wurde 1998 gebaut und 2004 erweitert.", "de"), "2004 year alone");
  const auto year = date_from_context("", "built in 1998 and enlarged in 2004", "en");
  ASSERT_TRUE(year);
  EXPECT_EQ(year->first_day, day("2004-01-01"));
  EXPECT_EQ(year->last_day, day("2004-12-31"));
  EXPECT_FALSE(year->is_firm());
  EXPECT_FALSE(day_from_context("", "built in 1998 and enlarged in 2004", "en"));
}

TEST(ContextDate, NothingWhenTheWordsNameNoDate) {
  EXPECT_EQ(answer("Taliban offer relations",
                   "A message from the leader of the Taliban claims to seek good relations, "
                   "after the past 20 years, by the end of August.",
                   "en"),
            "none");
  EXPECT_EQ(answer("", "", "en"), "none");
}

TEST(ContextDate, DatesAfterTheBoundAreIgnored) {
  const char* text = "The vote of 12 March 2024 is set; the previous one was on 3 May 2019.";
  EXPECT_EQ(day_from_context("", text, "en"), day("2024-03-12"));
  EXPECT_EQ(day_from_context("", text, "en", day("2023-01-01")), day("2019-05-03"));
}

TEST(ContextDate, TitleDatesCount) {
  EXPECT_EQ(day_from_context("Election results of 7 May 2015", "Counting went on overnight.", "en"), day("2015-05-07"));
}

}  // namespace
}  // namespace storyline::extract
