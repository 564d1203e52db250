#include "storyline/text/name_runs.h"

#include <gtest/gtest.h>

#include "storyline/text/stop_words.h"

using namespace storyline;

namespace {
std::vector<std::string> names_in(std::string_view text) {
  const auto words = text::split_words(text);
  return text::find_names(text, words, [](std::string_view folded) { return text::is_stop_word("en", folded); });
}
}  // namespace

TEST(NameRuns, MultiWordNamesAndParticles) {
  const auto names = names_in("Lindsay Lohan checked into the Betty Ford Center, the Bank of England said.");
  EXPECT_EQ(names, (std::vector<std::string>{"lindsay lohan", "betty ford center", "bank of england"}));
}

TEST(NameRuns, SentenceOpenersAreNotNames) {
  const auto names = names_in("Officials met in Doha. Talks lasted two days. The White House said little.");
  EXPECT_EQ(names, (std::vector<std::string>{"doha", "white house"}));
}

TEST(NameRuns, NamesDoNotRunAcrossPunctuationOrLines) {
  const auto names = names_in("They met Blinken, Qatar officials and the\nKabul Airport staff.");
  EXPECT_EQ(names, (std::vector<std::string>{"blinken", "qatar", "kabul airport"}));
}
