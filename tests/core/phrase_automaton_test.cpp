// The automaton against the classic overlapping case and the cases the boilerplate rules rely on.
#include "storyline/core/phrase_automaton.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

using storyline::PhraseAutomaton;

namespace {

// (phrase, start, end) of every hit, in the order reported.
std::vector<std::tuple<size_t, size_t, size_t>> hits(const PhraseAutomaton& automaton, std::string_view text) {
  std::vector<std::tuple<size_t, size_t, size_t>> found;
  automaton.find_all(text, [&](const PhraseAutomaton::Hit& hit) { found.emplace_back(hit.phrase, hit.start, hit.end); });
  return found;
}

}  // namespace

TEST(PhraseAutomaton, FindsOverlappingAndNestedPhrases) {
  // "she" holds "he"; "hers" starts inside "she": a matcher that resumes after a hit, or follows no
  // suffix links, misses some of them.
  const PhraseAutomaton automaton({"he", "she", "his", "hers"});
  using Hit = std::tuple<size_t, size_t, size_t>;
  EXPECT_EQ(hits(automaton, "ushers"), (std::vector<Hit>{{1, 1, 4}, {0, 2, 4}, {3, 2, 6}}));
  EXPECT_TRUE(hits(automaton, "hi s").empty());
}

TEST(PhraseAutomaton, ReportsAPhraseGivenTwiceUnderBothIndexesAndIgnoresEmptyOnes) {
  // The same phrase may serve two rules ("newsletter" alone, and with "our ").
  const PhraseAutomaton automaton({"newsletter", "", "newsletter"});
  using Hit = std::tuple<size_t, size_t, size_t>;
  EXPECT_EQ(hits(automaton, "our newsletter"), (std::vector<Hit>{{0, 4, 14}, {2, 4, 14}}));
}

TEST(PhraseAutomaton, CountsBytesOfUtf8Text) {
  const PhraseAutomaton automaton({"über", "©"});
  using Hit = std::tuple<size_t, size_t, size_t>;
  // "à " is three bytes, "über" five, "©" two.
  EXPECT_EQ(hits(automaton, "à über ©"), (std::vector<Hit>{{0, 3, 8}, {1, 9, 11}}));
}

TEST(PhraseAutomaton, FollowsFailLinksAcrossAMismatch) {
  // After "abab" fails on "x" the match must go on from the suffix "ab", not from the start.
  const PhraseAutomaton automaton({"ababx", "abx"});
  using Hit = std::tuple<size_t, size_t, size_t>;
  EXPECT_EQ(hits(automaton, "abababx"), (std::vector<Hit>{{0, 2, 7}, {1, 4, 7}}));
}
