#include "storyline/eval/quote_scores.h"

#include <gtest/gtest.h>

namespace storyline::eval {
namespace {

TEST(QuoteScores, SpeakersAreComparedByTheirNames) {
  EXPECT_TRUE(same_speaker("Donald Trump", "Trump"));
  EXPECT_TRUE(same_speaker("Trump", "Republican nominee Donald J. Trump"));
  EXPECT_TRUE(same_speaker("Hillary Clinton", "Mrs. Clinton"));
  EXPECT_FALSE(same_speaker("Bill Clinton", "Sanders"));
  EXPECT_FALSE(same_speaker("Rep", "Rep. John Lewis")) << "a title is no name";
  EXPECT_TRUE(same_speaker("a campaign aide", "one aide"));
  EXPECT_FALSE(same_speaker("Trump", "a campaign aide"));
  EXPECT_TRUE(is_pronoun_source("he"));
  EXPECT_TRUE(is_pronoun_source("She"));
  EXPECT_FALSE(is_pronoun_source("he and Smith"));
}

TEST(QuoteScores, FoundQuotesMatchTheAttributionHoldingThem) {
  const std::string text = "\u201CWe will win this race,\u201D Smith said. Jones said taxes would go up next year.";
  const size_t open = 3, close = text.find("\u201D");
  const size_t jones = text.find("Jones"), taxes = text.find("taxes");
  std::vector<Attribution> gold(2);
  gold[0].content = {{open, close}};
  gold[0].source_text = "Smith";
  gold[1].content = {{taxes, text.size() - 1}};
  gold[1].source_text = "Jones";
  (void)jones;
  const auto scores = score_quotes(text, gold,
                                   {{"We will win this race", "Bob Smith", false},
                                    {"taxes would go up next year", "Smith", true},
                                    {"words that are nowhere in it", "Smith", false}});
  EXPECT_EQ(scores.direct.gold, 1u) << "the first is in quotation marks";
  EXPECT_EQ(scores.reported.gold, 1u);
  EXPECT_EQ(scores.direct.found, 2u);
  EXPECT_EQ(scores.direct.found_matched, 1u);
  EXPECT_EQ(scores.direct.gold_right, 1u);
  EXPECT_EQ(scores.reported.found_matched, 1u);
  EXPECT_EQ(scores.reported.speaker_judged, 1u);
  EXPECT_EQ(scores.reported.speaker_right, 0u) << "Jones said it, not Smith";
}

}  // namespace
}  // namespace storyline::eval
