#include "storyline/text/tokenize.h"

#include <gtest/gtest.h>

using namespace storyline::text;

TEST(Tokenize, WordsWithoutPunctuation) {
  std::vector<std::string> words;
  for (const auto& word : split_words("U.S. talks, in Doha — on Saturday (2021)!")) words.emplace_back(word.text);
  EXPECT_EQ(words, (std::vector<std::string>{"U.S", "talks", "in", "Doha", "on", "Saturday", "2021"}));
}

TEST(Tokenize, WordsInScriptsWithoutSpaces) { EXPECT_GE(split_words("政府星期一宣布将继续谈判").size(), 3u); }

TEST(Tokenize, SentencesSurviveAbbreviations) {
  const auto sentences = split_sentences(
      "U.S. officials met the Taliban on Oct. 9 in Doha. Mr. Blinken said the U.S. Army left. The talks ended.");
  ASSERT_EQ(sentences.size(), 3u) << sentences[0];
  EXPECT_EQ(sentences[0], "U.S. officials met the Taliban on Oct. 9 in Doha.");
  EXPECT_EQ(sentences[1], "Mr. Blinken said the U.S. Army left.");
}

TEST(Tokenize, SentenceEndsAfterInitialismWhenANewSentenceStarts) {
  const auto sentences = split_sentences("Troops returned to the U.S. The next day, talks began.");
  EXPECT_EQ(sentences.size(), 2u);
}

TEST(Tokenize, FoldCase) {
  EXPECT_EQ(fold_case("TÜRKIYE Straße"), "türkiye strasse");
  EXPECT_EQ(fold_case("Kabul"), "kabul");
}

TEST(Tokenize, AnalyzerStemsAndDropsStopWords) {
  Analyzer english("en");
  EXPECT_EQ(english.terms("The talks were continuing in Doha"), (std::vector<std::string>{"talk", "continu", "doha"}));
  Analyzer german("de");
  EXPECT_EQ(german.terms("Die Verhandlungen wurden fortgesetzt"),
            (std::vector<std::string>{"verhandl", "wurd", "fortgesetzt"}));
  Analyzer unknown("xx");
  EXPECT_EQ(unknown.terms("Talks Continue"), (std::vector<std::string>{"talks", "continue"}));
}
