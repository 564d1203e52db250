#include "storyline/extract/prose_dates.h"

#include <gtest/gtest.h>

namespace storyline::extract {
namespace {

std::vector<std::string> isos(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& date : find_prose_dates(text)) out.push_back(date.iso());
  return out;
}

TEST(ProseDates, EnglishForms) {
  EXPECT_EQ(isos("on the Pakistan Afghan border, Wednesday, Oct. 29, 2025. (AP Photo)"),
            std::vector<std::string>{"2025-10-29"});
  EXPECT_EQ(isos("October 29, 2025"), std::vector<std::string>{"2025-10-29"});
  EXPECT_EQ(isos("Sept. 3rd 2019 and 4 July 2021"), (std::vector<std::string>{"2019-09-03", "2021-07-04"}));
  EXPECT_EQ(isos("the 14th of February, 2014"), std::vector<std::string>{"2014-02-14"});
}

TEST(ProseDates, OtherLanguagesAndNumericForms) {
  EXPECT_EQ(isos("Veröffentlicht am 29. Oktober 2025"), std::vector<std::string>{"2025-10-29"});
  EXPECT_EQ(isos("Stand: 03.11.2024, 10:15 Uhr"), std::vector<std::string>{"2024-11-03"});
  EXPECT_EQ(isos("publié le 2 décembre 2023"), std::vector<std::string>{"2023-12-02"});
  EXPECT_EQ(isos("2021-08-30T10:00:00Z"), std::vector<std::string>{"2021-08-30"});
}

TEST(ProseDates, PartialDatesHaveNoYear) {
  const auto dates = find_prose_dates("Blinken said on August 30, hours after the withdrawal, and since August 14");
  ASSERT_EQ(dates.size(), 2u);
  EXPECT_FALSE(dates[0].has_year());
  EXPECT_EQ(dates[0].iso(), "--08-30");
  EXPECT_EQ(dates[1].iso(), "--08-14");
}

TEST(ProseDates, RejectsWhatIsNoDate) {
  EXPECT_TRUE(isos("February 30, 2021").empty());    // no such day
  EXPECT_TRUE(isos("3/4/2021").empty());             // US or European? ambiguous
  EXPECT_TRUE(isos("March 2021 and 2001").empty());  // a month, not a day
  EXPECT_TRUE(isos("Oct.19 ceasefire").empty());     // glued: too loose to trust
  EXPECT_TRUE(isos("").empty());
  EXPECT_TRUE(isos("room 1234-56-78").empty());
}

}  // namespace
}  // namespace storyline::extract
