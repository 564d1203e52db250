#include "storyline/eval/polnear_corpus.h"

#include <gtest/gtest.h>

#include "storyline/eval/quote_eval.h"
#include "test_paths.h"

namespace storyline::eval {
namespace {

std::string_view at(std::string_view text, const ByteSpan& span) { return text.substr(span.begin, span.end - span.begin); }

// brat counts code points; the text is UTF-8 ("’" is three bytes and one offset).
TEST(PolnearCorpus, OffsetsAreCodePointsTurnedIntoBytes) {
  const std::string text = "Title\n\n\u201CWe’ll win,\u201D Smith said.";
  const std::string ann =
      "T1\tSource 20 25\tSmith\n"
      "T2\tCue 26 30\tsaid\n"
      "T3\tContent 8 17\tWe’ll win\n"
      "T4\tAttribution 26 30\tsaid\n"
      "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
  const auto attributions = parse_brat_attributions(ann, text, "test.ann");
  ASSERT_EQ(attributions.size(), 1u);
  EXPECT_EQ(attributions[0].source_text, "Smith");
  ASSERT_EQ(attributions[0].content.size(), 1u);
  EXPECT_EQ(at(text, attributions[0].content[0]), "We’ll win");
  EXPECT_EQ(at(text, attributions[0].cue[0]), "said");
}

// A span's surface text may hold a paragraph break; the line that continues it is no record,
// even when it starts with a T ("The ...").
TEST(PolnearCorpus, ContinuationLinesAndCutSpans) {
  const std::string text = "A said B. The end came. C";
  const std::string ann =
      "T1\tContent 0 1;7 8\tA B\n"
      "The end\n"
      "T2\tSource 24 25\tC\n"
      "E1\tContent:T1 Source:T2\n";
  const auto attributions = parse_brat_attributions(ann, text, "test.ann");
  ASSERT_EQ(attributions.size(), 1u);
  ASSERT_EQ(attributions[0].content.size(), 2u);
  EXPECT_EQ(at(text, attributions[0].content[1]), "B");
}

TEST(PolnearCorpus, MalformedAnnotationsNameTheLine) {
  try {
    parse_brat_attributions("T1\tContent 0 99\tx\n", "short", "bad.ann");
    FAIL() << "a span beyond the text was taken";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("bad.ann:1"), std::string::npos) << error.what();
  }
  EXPECT_THROW(parse_brat_attributions("E1\tContent:T9\n", "text", "bad.ann"), std::runtime_error);
}

// The figures of `storyline eval quotes` on PolNeAR's dev split, as measured when the finder was
// tuned on its train split (direct quotations: speakers P 0.931, R 0.705; quotes found 0.786;
// the aim is P >= 0.85 and R >= 0.70): a change that loses them fails here.
TEST(PolnearQuotes, DevFiguresHold) {
  STORYLINE_REQUIRE_SHARED(shared);
  const QuoteEvaluation evaluation = evaluate_quotes(shared + "/data/quotes/polnear", "dev");
  EXPECT_EQ(evaluation.articles.size(), 84u);
  const QuoteCounts& direct = evaluation.all.direct;
  ASSERT_GT(direct.found, 0u);
  ASSERT_GT(direct.gold_judged, 0u);
  EXPECT_GE(static_cast<double>(direct.speaker_right) / static_cast<double>(direct.speaker_judged), 0.90);
  EXPECT_GE(static_cast<double>(direct.gold_right) / static_cast<double>(direct.gold_judged), 0.70);
  EXPECT_GE(static_cast<double>(direct.gold_found) / static_cast<double>(direct.gold), 0.77);
  EXPECT_GE(static_cast<double>(direct.found_matched) / static_cast<double>(direct.found), 0.97);
}

}  // namespace
}  // namespace storyline::eval
