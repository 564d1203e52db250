// MEANTIME floor: dates from context keep their measured figures (`storyline eval dates`).
// Measured at the change that added them (120 articles a language): any answer's year right for
// en 10, es 9, it 10, nl 11; no answer 47-48. Wikinews bodies rarely name the year they were
// written in (the dateline does, and the function never sees it), hence the low figures.
#include <gtest/gtest.h>

#include "storyline/eval/date_eval.h"
#include "test_paths.h"

namespace storyline::eval {
namespace {

TEST(MeantimeDatesFloor, RightYearPerLanguage) {
  STORYLINE_REQUIRE_SHARED(shared);
  for (const std::string language : {"en", "es", "it", "nl"}) {
    SCOPED_TRACE(language);
    const DateScores scores = evaluate_meantime_dates(shared + "/data", language);
    EXPECT_EQ(scores.articles, 120u);
    EXPECT_GE(scores.all.right_year, 9u);
    EXPECT_LE(scores.unanswered, 50u);
  }
}

TEST(MeantimeDatesFloor, DatelineSentenceIsTheGold) {
  STORYLINE_REQUIRE_SHARED(shared);
  // The headline and body alone: had the dateline leaked into the body, nearly every article
  // would be dated exactly.
  const DateScores scores = evaluate_meantime_dates(shared + "/data", "en");
  EXPECT_LE(scores.all.exact, 5u);
}

}  // namespace
}  // namespace storyline::eval
