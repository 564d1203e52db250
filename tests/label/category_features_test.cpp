#include "storyline/label/category_features.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

using namespace storyline::label;

namespace {

constexpr uint32_t kBits = 18;

double length(const FeatureVector& features) {
  double squares = 0;
  for (const auto& feature : features) squares += double(feature.value) * feature.value;
  return std::sqrt(squares);
}

float value_of(const FeatureVector& features, const FeatureVector& probe) {
  // The single unigram bucket of a one-word probe.
  for (const auto& feature : features)
    if (feature.bucket == probe.front().bucket) return feature.value;
  return 0;
}

}  // namespace

TEST(CategoryFeatures, DeterministicSortedAndUnitLength) {
  const CategoryText input{"Striker scores twice", "The striker scored twice as the club won the cup final.", "en"};
  const FeatureVector first = category_features(input, kBits);
  const FeatureVector second = category_features(input, kBits);
  ASSERT_FALSE(first.empty());
  ASSERT_EQ(first.size(), second.size());
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].bucket, second[i].bucket);
    EXPECT_EQ(first[i].value, second[i].value);
    EXPECT_LT(first[i].bucket, 1u << kBits);
    if (i > 0) {
      EXPECT_LT(first[i - 1].bucket, first[i].bucket);
    }
  }
  EXPECT_NEAR(length(first), 1.0, 1e-5);
}

TEST(CategoryFeatures, StemsFoldsAndDropsStopWords) {
  const auto a = category_features({"", "Scoring GOALS", "en"}, kBits);
  const auto b = category_features({"", "the scored goal", "en"}, kBits);
  ASSERT_EQ(a.size(), b.size());  // score+goal and their bigram, whatever the form
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].bucket, b[i].bucket);
}

TEST(CategoryFeatures, TitleWordsWeighMoreThanBodyWords) {
  const auto features = category_features({"election", "budget", "en"}, kBits);
  const auto election = category_features({"", "election", "en"}, kBits);
  const auto budget = category_features({"", "budget", "en"}, kBits);
  EXPECT_GT(value_of(features, election), value_of(features, budget));
}

TEST(CategoryFeatures, DigitsAreOneShape) {
  const auto a = category_features({"", "season 2004", "en"}, kBits);
  const auto b = category_features({"", "season 1987", "en"}, kBits);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].bucket, b[i].bucket);
}

TEST(CategoryFeatures, EmptyAndHugeInputs) {
  EXPECT_TRUE(category_features({"", "", "en"}, kBits).empty());
  EXPECT_TRUE(category_features({"", " ,.;!? ", "xx-nonsense"}, kBits).empty());
  std::string huge;
  while (huge.size() < (4u << 20)) huge += "market shares fell sharply today ";
  huge += "\xC3";  // a cut UTF-8 sequence at the end
  const auto features = category_features({"", huge, "en"}, kBits);
  EXPECT_FALSE(features.empty());
  EXPECT_LT(features.size(), 64u);  // only the start is read; few distinct terms
}
