#include "storyline/eval/category_training.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <string>

#include "test_paths.h"

using namespace storyline::label;

namespace {

std::vector<LabelledText> tiny_corpus() {
  return {
      {"t/1", "United win the derby", "The striker scored twice and the goalkeeper saved a penalty in the league match.",
       Category::kSports},
      {"t/2", "Champions crash out", "The coach blamed the referee after the team lost the cup tie on penalties.",
       Category::kSports},
      {"t/3", "Tennis star wins final", "She won the championship final in straight sets to lift the trophy.",
       Category::kSports},
      {"t/4", "Shares fall on profit warning",
       "The company said profits would fall and its shares dropped on the stock market.", Category::kEconomy},
      {"t/5", "Bank raises interest rates", "The central bank raised interest rates to curb inflation as growth slowed.",
       Category::kEconomy},
      {"t/6", "Oil prices climb", "Crude oil prices rose as investors bet on higher demand; the dollar weakened.",
       Category::kEconomy},
      {"t/7", "New phone unveiled", "The smartphone has a faster processor, more memory and new software for apps.",
       Category::kTechnology},
      {"t/8", "Broadband speeds rise", "Internet providers upgraded networks; users download software and games faster.",
       Category::kTechnology},
      {"t/9", "Chip maker launches processor", "The computer chip runs software faster and uses less power in laptops.",
       Category::kTechnology},
  };
}

constexpr uint32_t kBits = 14;

TrainingOptions small_options() {
  TrainingOptions options;
  options.bucket_bits = kBits;
  options.epochs = 20;
  return options;
}

}  // namespace

TEST(CategoryTraining, SeparatesObviousClasses) {
  const auto model = train_category_model(training_examples(tiny_corpus(), kBits), small_options());
  EXPECT_EQ(model.predict(
                {"Goalkeeper injured before cup match", "The team's coach said the striker may miss the league.", "en"}),
            Category::kSports);
  EXPECT_EQ(model.predict(
                {"Inflation worries hit shares", "Stock market investors sold as the bank warned on rates.", "en"}),
            Category::kEconomy);
  EXPECT_EQ(model.predict({"Laptop review", "The processor and memory make software run fast on this computer.", "en"}),
            Category::kTechnology);
}

TEST(CategoryTraining, ATextWithTwoRightAnswersTeachesBothHalfEach) {
  // Texts that are science or technology (a dataset's one class spanning two of ours) teach both;
  // left out, as they once were, their words would teach nothing.
  std::vector<LabelledText> corpus = tiny_corpus();
  for (int i = 0; i < 3; ++i) {
    LabelledText both{"t/both" + std::to_string(i), "Quantum laboratory results",
                      "Researchers in the quantum laboratory published results on qubits.", Category::kScience};
    both.alternative = Category::kTechnology;
    corpus.push_back(both);
  }
  const auto model = train_category_model(training_examples(corpus, kBits), small_options());
  const auto p = model.probabilities(category_features({"Quantum laboratory", "qubits results", "en"}, kBits));
  const float science = p[static_cast<size_t>(Category::kScience)],
              technology = p[static_cast<size_t>(Category::kTechnology)];
  EXPECT_GT(science, 0.25f);
  EXPECT_GT(technology, 0.25f);
  EXPECT_NEAR(science, technology, 0.25f);
  EXPECT_LT(p[static_cast<size_t>(Category::kSports)], 0.15f);
}

TEST(CategoryTraining, SameDataGivesIdenticalBytes) {
  const auto examples = training_examples(tiny_corpus(), kBits, 2);
  const std::string first = train_category_model(examples, small_options()).serialize();
  const std::string second = train_category_model(training_examples(tiny_corpus(), kBits, 1), small_options()).serialize();
  EXPECT_EQ(first, second);
  TrainingOptions other_seed = small_options();
  other_seed.seed += 1;
  EXPECT_NE(train_category_model(examples, other_seed).serialize(), first) << "the seed should matter";
}

TEST(CategoryTraining, ShuffleIsADeterministicPermutation) {
  std::vector<size_t> a(100), b(100);
  std::iota(a.begin(), a.end(), size_t{0});
  std::iota(b.begin(), b.end(), size_t{0});
  deterministic_shuffle(a, 7);
  deterministic_shuffle(b, 7);
  EXPECT_EQ(a, b);
  std::vector<size_t> sorted = a;
  std::sort(sorted.begin(), sorted.end());
  for (size_t i = 0; i < sorted.size(); ++i) EXPECT_EQ(sorted[i], i);
  EXPECT_FALSE(std::is_sorted(a.begin(), a.end()));
}

TEST(CategoryTraining, RealSampleTrainsToIdenticalBytesTwice) {
  STORYLINE_REQUIRE_SHARED(shared);
  // Every 10th BBC file: all five categories, small enough to train twice quickly.
  const auto sample = every_nth(load_bbc(shared + "/data/categories/bbc-news-2225", true), 10);
  TrainingOptions options;
  options.epochs = 3;
  const std::string first = train_category_model(training_examples(sample, options.bucket_bits, 2), options).serialize();
  const std::string second = train_category_model(training_examples(sample, options.bucket_bits, 1), options).serialize();
  EXPECT_EQ(first.size(), second.size());
  EXPECT_TRUE(first == second) << "training is not reproducible";
}
