#include "storyline/extract/date_mentions.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

namespace storyline::extract {
namespace {

// "2005-06-13" for full dates, "--06-13" without year, "2005-06" for a month, "2005" for a year.
std::vector<std::string> found(std::string_view text, std::string_view language) {
  std::vector<std::string> out;
  for (const DateMention& mention : find_date_mentions(text, language)) {
    char buffer[32];
    switch (mention.kind) {
      case MentionKind::kFullDate:
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", mention.year, mention.month, mention.day);
        break;
      case MentionKind::kPartialDate: std::snprintf(buffer, sizeof buffer, "--%02d-%02d", mention.month, mention.day); break;
      case MentionKind::kMonthYear: std::snprintf(buffer, sizeof buffer, "%04d-%02d", mention.year, mention.month); break;
      case MentionKind::kYear: std::snprintf(buffer, sizeof buffer, "%04d", mention.year); break;
    }
    out.push_back(buffer);
  }
  return out;
}

using Dates = std::vector<std::string>;

TEST(DateMentions, FullDatesInManyLanguages) {
  EXPECT_EQ(found("Airbus said on June 13, 2005 that the A380 would fly.", "en"), Dates{"2005-06-13"});
  EXPECT_EQ(found("The deal was signed on 13 June 2005 in Paris.", "en"), Dates{"2005-06-13"});
  EXPECT_EQ(found("El acuerdo se firmó el 30 de agosto de 2021 en Doha.", "es"), Dates{"2021-08-30"});
  EXPECT_EQ(found("Boeing anunció el 27 de marzo del 2008 un nuevo contrato.", "es"), Dates{"2008-03-27"});
  EXPECT_EQ(found("Соглашение было подписано 13 июня 2005 года в Париже.", "ru"), Dates{"2005-06-13"});
  EXPECT_EQ(found("Der Vertrag wurde am 13. Juni 2005 unterzeichnet.", "de"), Dates{"2005-06-13"});
  EXPECT_EQ(found("L'accord a été signé le 1er janvier 2021.", "fr"), Dates{"2021-01-01"});
  EXPECT_EQ(found("L'accordo è stato firmato il 13 giugno 2005 a Parigi.", "it"), Dates{"2005-06-13"});
  EXPECT_EQ(found("O acordo foi assinado em 13 de junho de 2005.", "pt"), Dates{"2005-06-13"});
  EXPECT_EQ(found("Het contract werd op 13 juni 2005 getekend.", "nl"), Dates{"2005-06-13"});
  EXPECT_EQ(found("Wednesday, Oct. 29, 2025. (AP Photo/H. Achakzai)", "en"), Dates{"2025-10-29"});
}

TEST(DateMentions, NumericAndEastAsianForms) {
  EXPECT_EQ(found("Stand: 13.06.2005, 10:15 Uhr", "de"), Dates{"2005-06-13"});
  EXPECT_EQ(found("posted 2005-06-13T10:00:00Z", "en"), Dates{"2005-06-13"});
  EXPECT_EQ(found("2005年6月13日に発表された", "ja"), Dates{"2005-06-13"});
  EXPECT_EQ(found("13-Jun-05", "nl"), Dates{"2005-06-13"});
  // Slashes: month first in English, day first elsewhere, unless a number above 12 says otherwise.
  EXPECT_EQ(found("05/06/2021", "en"), Dates{"2021-05-06"});
  EXPECT_EQ(found("05/06/2021", "fr"), Dates{"2021-06-05"});
  EXPECT_EQ(found("13/06/2021", "en"), Dates{"2021-06-13"});
}

TEST(DateMentions, DatesWithoutYearMonthsAndYears) {
  EXPECT_EQ(found("Blinken said on August 30, hours after the withdrawal, and since August 14.", "en"),
            (Dates{"--08-30", "--08-14"}));
  EXPECT_EQ(found("following Oct.19 ceasefire", "en"), Dates{"--10-19"});
  EXPECT_EQ(found("La reunión del 18 de junio fue aplazada.", "es"), Dates{"--06-18"});
  EXPECT_EQ(found("The US closed its Kabul embassy in August 2021.", "en"), Dates{"2021-08"});
  EXPECT_EQ(found("removed from power by the U.S.-led invasion in 2001.", "en"), Dates{"2001"});
  const auto mentions = find_date_mentions("Monday, August 30", "en");
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].weekday, 1);
}

// Rule tests pair what must be found with the prose that must be left alone.
TEST(DateMentions, QuantitiesAndWordsAreNoDates) {
  EXPECT_TRUE(found("They may 10 times more often", "en").empty());  // "may" is no month in lower case
  EXPECT_TRUE(found("It will march 5 miles", "en").empty());
  EXPECT_TRUE(found("a $2005 fee, 1999% and the 1990s", "en").empty());  // (a bare "2000 people" is read as a year)
  EXPECT_TRUE(found("version 1.10.2023.4", "en").empty());
  EXPECT_EQ(found("February 30, 2021", "en"), Dates{"2021"});  // no such day: the year alone is named
  EXPECT_TRUE(found("el mar 5 de la costa", "es").empty());    // "mar" (the sea) without a point or a year
  EXPECT_TRUE(found("", "en").empty());
}

TEST(DateMentions, CaptionsAndLineStarts) {
  const auto mentions = find_date_mentions(
      "June 13, 2005\nRefugees wait at the border, Wednesday, Oct. 29, 2025. (AP Photo/H. Achakzai)\nOn 4 July 2021 it rained.",
      "en");
  ASSERT_EQ(mentions.size(), 3u);
  EXPECT_TRUE(mentions[0].opens_line);
  EXPECT_FALSE(mentions[0].in_caption);
  EXPECT_TRUE(mentions[1].in_caption);
  EXPECT_FALSE(mentions[2].in_caption);
}

TEST(DateMentions, InvalidUtf8AndHugeInputStayBounded) {
  std::string text = "13 June 2005 \xff\xfe\xc3 broken ";
  EXPECT_EQ(found(text, "en"), Dates{"2005-06-13"});
  std::string huge;
  while (huge.size() < 4 * kSearchedBytes) huge += "on 13 June 2005 and 2006 ";
  EXPECT_LE(find_date_mentions(huge, "en").size(), kSearchedBytes / 8);
  EXPECT_TRUE(found(std::string(100000, '1'), "en").empty());
}

TEST(DateMentions, UnknownOrOddLanguageCodesReadAsEnglish) {
  EXPECT_EQ(found("June 13, 2005", ""), Dates{"2005-06-13"});
  EXPECT_EQ(found("June 13, 2005", "not a language"), Dates{"2005-06-13"});
  EXPECT_EQ(found("13 juin 2005", "fr-CA"), Dates{"2005-06-13"});
}

}  // namespace
}  // namespace storyline::extract
