#include "storyline/label/kindred_spelling.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace storyline::label;

namespace {

bool contains(const std::vector<std::string>& all, const std::string& one) {
  return std::find(all.begin(), all.end(), one) != all.end();
}

}  // namespace

TEST(KindredSpelling, UkrainianIsReadThroughRussian) {
  // Loading the compiled-in table throws std::logic_error on a malformed row.
  EXPECT_EQ(kindred_language("uk"), "ru");
  EXPECT_EQ(kindred_language("ru"), "");
  EXPECT_EQ(kindred_language("en"), "");
  EXPECT_TRUE(is_kindred_target("ru"));
  EXPECT_FALSE(is_kindred_target("uk"));
}

TEST(KindredSpelling, CorrespondingSpellingsShareASkeleton) {
  // One skeleton a Russian word (each letter one class); a Ukrainian word, every choice.
  const auto russian = [](const char* word) { return spelling_skeletons("ru", word).front(); };
  EXPECT_EQ(spelling_skeletons("ru", "выбор").size(), 1u);
  EXPECT_TRUE(contains(spelling_skeletons("uk", "вибор"), russian("выбор")));
  EXPECT_TRUE(contains(spelling_skeletons("uk", "економіка"), russian("экономика")));
  EXPECT_TRUE(contains(spelling_skeletons("uk", "хліб"), russian("хлеб")));           // і as е
  EXPECT_TRUE(contains(spelling_skeletons("uk", "кіт"), russian("кот")));             // і as о
  EXPECT_TRUE(contains(spelling_skeletons("uk", "українськ"), russian("украинск")));  // no soft sign
  EXPECT_TRUE(contains(spelling_skeletons("uk", "об'єкт"), russian("объект")));       // apostrophe, hard sign
  EXPECT_FALSE(contains(spelling_skeletons("uk", "рік"), russian("год")));
}

TEST(KindredSpelling, ManyAmbiguousLettersStayBounded) {
  const std::vector<std::string> skeletons = spelling_skeletons("uk", "ііііііііііііііі");
  EXPECT_EQ(skeletons.size(), kMaxSpellingSkeletons);
  EXPECT_EQ(spelling_skeletons("xx", "word"), std::vector<std::string>{"word"});
  EXPECT_EQ(spelling_skeletons("uk", ""), std::vector<std::string>{""});
}
