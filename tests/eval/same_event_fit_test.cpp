#include "storyline/eval/same_event_fit.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace storyline::cluster;

namespace {

// Pairs whose truth is a known rule: the same event when 0.5 body + 0.5 names >= 0.3; title and
// people are noise.
std::vector<LabelledPair> pairs_from_rule(size_t count, uint32_t seed) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<float> unit(0, 1);
  std::vector<LabelledPair> pairs;
  for (size_t i = 0; i < count; ++i) {
    LabelledPair pair;
    pair.cosines = {unit(random) * 0.6f, unit(random) * 0.6f, unit(random) * 0.6f, unit(random) * 0.6f};
    pair.same_event = 0.5f * pair.cosines.body + 0.5f * pair.cosines.names >= 0.3f;
    pairs.push_back(pair);
  }
  return pairs;
}

}  // namespace

TEST(SameEventFit, RecoversTheSharesAndThresholdOfAKnownRule) {
  const auto decision = fit_same_event(pairs_from_rule(4000, 1), 1e-5f);
  const float body = 1 - decision.shares.title - decision.shares.names - decision.shares.people;
  EXPECT_NEAR(body, 0.5f, 0.08f);
  EXPECT_NEAR(decision.shares.names, 0.5f, 0.08f);
  EXPECT_LT(decision.shares.title, 0.06f);
  EXPECT_LT(decision.shares.people, 0.06f);
  EXPECT_NEAR(decision.threshold, 0.3f, 0.03f);
  // Judged on pairs it was not fitted on.
  EXPECT_GE(decision_accuracy(decision, pairs_from_rule(2000, 2)), 0.95);
}

TEST(SameEventFit, NoPairsGiveTheDefaultDecision) {
  const auto decision = fit_same_event({});
  EXPECT_FLOAT_EQ(decision.threshold, SameEventDecision{}.threshold);
  EXPECT_EQ(decision_accuracy(decision, {}), 0);
}

// Pairs of a small labelled corpus: one story's pairs are "same", two stories of one storyline
// "different", and both classes weigh half.
TEST(SameEventFit, PairsComeFromStoriesAndTheirStorylines) {
  Vocabulary vocabulary;
  std::vector<AnalyzedDocument> documents(4);
  for (size_t i = 0; i < 4; ++i) {
    documents[i].language = "en";
    documents[i].body = {{vocabulary.id(i < 2 ? "quake" : "flood"), 1}, {vocabulary.id("city"), 1}};
  }
  DocumentFrequencies frequencies;
  for (const auto& document : documents) frequencies.add_document(distinct_terms(document), document.language);
  const auto pairs = labelled_pairs(documents, {"a", "a", "b", "b"}, {"t", "t", "t", "t"}, frequencies, 100, 1);
  size_t same = 0, different = 0;
  double same_weight = 0, different_weight = 0;
  for (const auto& pair : pairs) {
    (pair.same_event ? same : different) += 1;
    (pair.same_event ? same_weight : different_weight) += pair.weight;
    if (pair.same_event) EXPECT_NEAR(pair.cosines.body, 1.0f, 1e-5f);
    else EXPECT_LT(pair.cosines.body, 0.9f);
  }
  EXPECT_EQ(same, 2u);
  EXPECT_EQ(different, 4u);
  EXPECT_NEAR(same_weight, different_weight, 1e-3);
}

// A wrong join is taken to cost twice a missed one: the threshold is where the fitted probability
// of one event is 2/3, not 1/2.
TEST(SameEventFit, TheThresholdIsWhereTheFittedProbabilityReachesTwoThirds) {
  const float weights[4] = {2, 1, 1, 0};
  const auto decision = decision_from_weights(weights, -1);
  EXPECT_FLOAT_EQ(decision.shares.title, 0.25f);
  EXPECT_FLOAT_EQ(decision.shares.names, 0.25f);
  EXPECT_FLOAT_EQ(decision.shares.people, 0);
  // The logit at the threshold, in fitted units: sum of the weights times the share-weighted score, plus the bias.
  const double logit = 4.0 * decision.threshold - 1.0;
  EXPECT_NEAR(1.0 / (1.0 + std::exp(-logit)), 2.0 / 3.0, 1e-6);
}
