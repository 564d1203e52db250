// The scoring of `storyline eval extraction`: snippets match across whitespace and invisible
// typography, and word 4-grams count as the benchmark counts them.
#include "storyline/eval_extraction_metrics.h"

#include <gtest/gtest.h>

using namespace storyline::cli;

TEST(EvalExtractionMetrics, SnippetsMatchAcrossSpacesAndSoftHyphens) {
  // The gold keeps the page's soft hyphens and no-break spaces; the extracted text does not.
  const SnippetCounts counts = score_snippets("aller demokratischen Hindernisse und\nkönnen endlich 12 km weit",
                                              {"„Über­le­bens“ aller demo\xC2\xAD"
                                               "kra\xC2\xAD"
                                               "ti\xC2\xAD"
                                               "schen",
                                               "demokratischen Hindernisse", "12\xC2\xA0km weit"},
                                              {"Seuchendiktatur"});
  EXPECT_EQ(counts.true_positives, 2);
  EXPECT_EQ(counts.false_negatives, 1) << "the first snippet's opening words are not in the text";
  EXPECT_EQ(counts.true_negatives, 1);
  EXPECT_EQ(collapse_whitespace("  Ab\xC2\xAD"
                                "satz \xC2\xA0 zwei\n\n"),
            "Absatz zwei");
}

TEST(EvalExtractionMetrics, ShinglesOfAPrefixGold) {
  const ShingleScore whole = score_shingles("one two three four five six", "one two three four five six");
  EXPECT_DOUBLE_EQ(whole.precision, 1.0);
  EXPECT_DOUBLE_EQ(whole.recall, 1.0);
  const ShingleScore prefix = score_shingles("one two three four five six seven eight", "one two three four five", true);
  EXPECT_DOUBLE_EQ(prefix.precision, 1.0) << "the text is cut to the gold's length";
  const ShingleScore led_by_caption = score_shingles("Photo by someone one two three four five", "one two three four five",
                                                     true);
  EXPECT_LT(led_by_caption.precision, 0.5);
}
