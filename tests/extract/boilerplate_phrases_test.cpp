// The phrase table's semantics: where a phrase may match, the longest paragraph each line judges,
// rules of several parts, case folding. What each rule drops and keeps is in
// content_paragraph_filter_test.cpp.
#include "storyline/extract/boilerplate_phrases.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace storyline::extract;

namespace {

std::vector<std::string_view> rules_of(std::string_view paragraph) {
  return boilerplate_phrase_rules(fold_paragraph(paragraph));
}

bool holds(std::string_view rule, std::string_view paragraph) {
  const auto rules = rules_of(paragraph);
  return std::find(rules.begin(), rules.end(), rule) != rules.end();
}

// `prefix` followed by words up to `characters` characters.
std::string padded(std::string prefix, size_t characters) {
  while (prefix.size() < characters) prefix += prefix.size() + 1 == characters ? "." : "x";
  return prefix;
}

}  // namespace

TEST(BoilerplatePhrases, TableCompilesWithUniqueRuleNames) {
  const auto& names = boilerplate_phrase_rule_names();
  ASSERT_FALSE(names.empty());
  std::vector<std::string_view> sorted(names.begin(), names.end());
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end());
  // Rights notices run long; nothing longer is judged.
  EXPECT_EQ(longest_paragraph_judged_by_phrases(), 400u);
}

TEST(BoilerplatePhrases, StartPhrasesMatchOnlyAtTheStartAfterPunctuation) {
  EXPECT_TRUE(holds("read_more", "Read more: the full report"));
  EXPECT_TRUE(holds("picture_credit", ". Imagen: Télam"));  // after a caption's full stop
  EXPECT_FALSE(holds("read_more", "Officials urged parents to read more with their children."));
}

TEST(BoilerplatePhrases, WholePhrasesMatchTheParagraphWithoutTheDashesAroundIt) {
  EXPECT_TRUE(holds("page_label", "- Anzeige -"));
  EXPECT_TRUE(holds("page_label", "• Kommentare •"));
  EXPECT_FALSE(holds("page_label", "Anzeige gegen Unbekannt"));
  EXPECT_TRUE(holds("time_label", "Last Modified:"));
}

TEST(BoilerplatePhrases, EachLineJudgesParagraphsUpToItsLongest) {
  // read_more judges up to 200 characters: a lead-in of 200 is dropped, prose of 201 kept.
  EXPECT_TRUE(holds("read_more", padded("Lesen Sie auch: ", 200)));
  EXPECT_TRUE(rules_of(padded("Lesen Sie auch: ", 201)).empty());
  // The agency credit counts bytes: 60 Japanese characters (180 bytes) ending with a credit are prose.
  std::string japanese;
  for (int i = 0; i < 60; ++i) japanese += "\xE3\x81\x82";  // あ
  EXPECT_FALSE(holds("picture_credit.agency", japanese + " AFP/Aminu"));
  EXPECT_TRUE(holds("picture_credit.agency", "Tapie en 2008. REUTERS/Benoit Tessier"));
}

TEST(BoilerplatePhrases, RulesOfSeveralPartsNeedEveryPart) {
  EXPECT_TRUE(holds("paywall", "Subscribe now for the full story."));
  EXPECT_FALSE(holds("paywall", "Subscribe now."));
  EXPECT_FALSE(holds("paywall", "The full story emerged in court on Monday."));
  // The reading time needs its number.
  EXPECT_TRUE(holds("reading_time", "5 min read"));
  EXPECT_FALSE(holds("reading_time", "Lesezeit"));
  // The version note needs its closing parenthesis at the end.
  EXPECT_TRUE(holds("version_note", "(Adds quotes, details)"));
  EXPECT_FALSE(holds("version_note", "(Adds quotes) to the story, the editor said"));
}

TEST(BoilerplatePhrases, PhrasesMatchCaseFoldedText) {
  // text::fold_case folds every script's capitals, not only Latin-1's.
  EXPECT_TRUE(holds("read_more", "À LIRE AUSSI: la réforme"));
  EXPECT_TRUE(holds("picture_credit", "ŹRÓDŁO: PAP"));
  EXPECT_TRUE(holds("page_label", "ÜBER DEN AUTOR"));
}
