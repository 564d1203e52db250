#include "storyline/eval/scraped_text_dataset.h"

#include <gtest/gtest.h>

namespace storyline::extract {
namespace {

TEST(ScrapedTextDataset, LabelsLinesByGoldText) {
  const std::string gold =
      "Overview\n\nThe river rose three metres overnight, flooding the lower town.\n\nResidents were moved to the school.";
  const std::vector<std::string> lines = {"Menu", "Overview",
                                          "\u2022 The river rose three metres overnight, flooding the lower town.",
                                          "Share this story on social media today", "Residents were moved to the school."};
  EXPECT_EQ(label_lines_by_gold(lines, gold), (std::vector<int8_t>{0, 1, 1, 0, 1}));
}

TEST(ScrapedTextDataset, LabelsLinesBySnippets) {
  const std::vector<std::string> lines = {"Impressum", "Die GEMA dreht  völlig am Zeiger! Sagt er.", "31. Mai 2012",
                                          "Other text here"};
  EXPECT_EQ(label_lines_by_snippets(lines, {"Die GEMA dreht völlig am Zeiger!"}, {"31. Mai", "Impressum"}),
            (std::vector<int8_t>{0, 1, 0, -1}));
}

TEST(ScrapedTextDataset, Word4GramPrecisionRecall) {
  const auto same = word_4gram_precision_recall("one two three four five", "One, two three four five!");
  EXPECT_DOUBLE_EQ(same.precision, 1.0);
  EXPECT_DOUBLE_EQ(same.recall, 1.0);
  const auto half = word_4gram_precision_recall("a b c d e",
                                                "a b c d x y");  // extracted {abcd, bcde}; gold {abcd, bcdx, cdxy}
  EXPECT_DOUBLE_EQ(half.precision, 0.5);
  EXPECT_NEAR(half.recall, 1.0 / 3, 1e-12);
  const auto empty = word_4gram_precision_recall("", "a b c d");
  EXPECT_DOUBLE_EQ(empty.precision, 0.0);
  EXPECT_DOUBLE_EQ(empty.recall, 0.0);
}

}  // namespace
}  // namespace storyline::extract
