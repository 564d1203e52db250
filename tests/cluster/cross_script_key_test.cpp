#include "storyline/cluster/cross_script_key.h"

#include <gtest/gtest.h>

#include "storyline/cluster/document_analysis.h"
#include "storyline/core/document.h"
#include "storyline/text/tokenize.h"

using namespace storyline;
using namespace storyline::cluster;

namespace {
// As the analyzer keys a name word: folded and stemmed the way of its language first.
std::string key(std::string_view word, std::string_view language) {
  text::Analyzer analyzer(language);
  return cross_script_key(analyzer.stem(text::fold_case(word))).value_or("(none)");
}
std::string unstemmed_key(std::string_view word) { return cross_script_key(text::fold_case(word)).value_or("(none)"); }
}  // namespace

TEST(CrossScriptKey, OneNameInTwoAlphabetsAndItsCasesSharesAKey) {
  EXPECT_EQ(key("Trump", "en"), key("Трамп", "ru"));
  EXPECT_EQ(key("Trump", "en"), key("Трампом", "ru"));
  EXPECT_EQ(key("Trump", "en"), key("Трампа", "uk"));
  EXPECT_EQ(key("Zelensky", "en"), key("Зеленский", "ru"));
  EXPECT_EQ(key("Zelensky", "en"), key("Зеленскому", "ru"));
  EXPECT_EQ(key("Yovanovitch", "en"), key("Йованович", "ru"));
  EXPECT_EQ(key("Venice", "en"), key("Венеция", "ru"));
  EXPECT_EQ(key("Macron", "en"), key("Макрон", "ru"));
  EXPECT_EQ(unstemmed_key("Tsivilev"), unstemmed_key("Цивилев"));  // the Russian stemmer cuts "-ев"
  EXPECT_EQ(key("Philippines", "en"), key("Филиппины", "ru"));
  EXPECT_EQ(key("Chile", "en"), key("Чили", "ru"));
  EXPECT_EQ(key("Mitsotakis", "en"), key("Μητσοτάκης", "el"));
}

TEST(CrossScriptKey, DifferentNamesKeepDifferentKeys) {
  EXPECT_NE(key("Trump", "en"), key("Putin", "en"));
  EXPECT_NE(key("Trump", "en"), key("Tramway", "en"));
  EXPECT_NE(key("Zelensky", "en"), key("Zolotoye", "en"));
  EXPECT_NE(key("Bolivia", "en"), key("Бурятия", "ru"));
}

TEST(CrossScriptKey, ShortSkeletonsAreNoKey) {
  EXPECT_FALSE(cross_script_key("iran"));  // two consonant classes: shared by too much
  EXPECT_FALSE(cross_script_key("oui"));
  EXPECT_FALSE(cross_script_key(""));
  EXPECT_FALSE(cross_script_key("\xff\xfe"));  // not UTF-8
}

TEST(NumberKey, NumbersAreDigitsWhateverTheirSeparatorsOrDigits) {
  EXPECT_EQ(number_key("122,000"), "122000");
  EXPECT_EQ(number_key("122.000"), "122000");
  EXPECT_EQ(number_key("122000"), "122000");
  EXPECT_EQ(number_key("\u06F1\u06F5\u06F0\u06F0"), "1500");  // Persian digits
  EXPECT_EQ(number_key("\u0661\u0662\u0663"), "123");         // Arabic-Indic digits
}

TEST(NumberKey, SmallNumbersPartsOfDatesAndWordsAreNoKey) {
  EXPECT_FALSE(number_key("42"));  // days, ages, scores: everywhere
  EXPECT_FALSE(number_key("03"));  // a part of a date or time
  EXPECT_FALSE(number_key("G7"));
  EXPECT_FALSE(number_key("1990s"));
  EXPECT_FALSE(number_key("abc"));
}

// The analyzer gives reports in two alphabets the same anchors for the same names and numbers,
// and none when anchors are turned off.
TEST(CrossScriptKey, TheAnalyzerAnchorsNamesAndNumbersAlike) {
  cluster::Vocabulary vocabulary;
  cluster::DocumentAnalyzer analyzer(vocabulary);
  Document english, russian;
  english.id = "en";
  english.language = "en";
  english.text = "On Thursday Governor Sergei Tsivilev said that 285 miners were underground near Belovo.";
  russian.id = "ru";
  russian.language = "ru";
  russian.text = "В четверг губернатор Сергей Цивилев сообщил, что под землёй находились 285 горняков у Белово.";
  const auto a = analyzer.analyze(english).anchors, b = analyzer.analyze(russian).anchors;
  size_t shared = 0;
  for (const auto& x : a)
    for (const auto& y : b) shared += x.term == y.term;
  EXPECT_GE(shared, 4u);  // Sergei, Tsivilev, Belovo, 285
  cluster::AnalysisOptions off;
  off.anchors = false;
  cluster::DocumentAnalyzer without(vocabulary, off);
  EXPECT_TRUE(without.analyze(english).anchors.empty());
}

TEST(CrossScriptKey, OneNameAsWrittenAndAsStemmedIsOneName) {
  // German "Merkels": written, its skeleton ends in the s the stemmer cut.
  const std::string written = cross_script_key("merkels").value();
  const std::string stemmed = cross_script_key("merkel").value();
  ASSERT_TRUE(written.starts_with(stemmed));
  const std::string other = cross_script_key("macron").value();
  std::vector<std::string_view> keys{written, other, stemmed};
  EXPECT_EQ(distinct_names(keys), 2u);
  const std::string putin = cross_script_key("putin").value();
  std::vector<std::string_view> two_names{putin, other};
  EXPECT_EQ(distinct_names(two_names), 2u);
  std::vector<std::string_view> none;
  EXPECT_EQ(distinct_names(none), 0u);
}
