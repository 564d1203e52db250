#include "storyline/cluster/truncation_stem.h"

#include <gtest/gtest.h>

using namespace storyline::cluster;

TEST(TruncationStem, InflectedFormsOfALanguageWithoutStemmerMeet) {
  // Ukrainian: "Ukraine" in three cases.
  EXPECT_EQ(truncation_stem("україна"), truncation_stem("україни"));
  EXPECT_EQ(truncation_stem("україна"), truncation_stem("україною"));
  // Polish: "president" in two cases.
  EXPECT_EQ(truncation_stem("prezydenta"), truncation_stem("prezydentowi"));
  EXPECT_EQ(truncation_stem("kot"), "kot");  // short words stay whole
}

TEST(TruncationStem, KoreanKeepsTwoSyllablesBeforeTheParticle) {
  EXPECT_EQ(truncation_stem("한국은"), "한국");
  EXPECT_EQ(truncation_stem("한국이"), "한국");
}

TEST(TruncationStem, WordsOfScriptsWithoutSpacesStayWhole) {
  EXPECT_EQ(truncation_stem("中华人民共和国"), "中华人民共和国");
  EXPECT_EQ(truncation_stem("ประเทศไทย"), "ประเทศไทย");
}
