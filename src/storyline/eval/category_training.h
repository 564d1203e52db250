#pragma once
// Trains the category model: multinomial logistic regression by stochastic gradient descent
// with AdaGrad step sizes and L2 regularization (applied to the weights an example touches, the
// usual sparse-data shortcut). Written here rather than taken from a library because the model
// must be bit-for-bit reproducible from the training command (fixed seed, fixed order, one
// thread), which fastText's multi-threaded Hogwild training is not.
#include <cstdint>
#include <optional>
#include <vector>

#include "storyline/eval/category_datasets.h"
#include "storyline/label/category.h"
#include "storyline/label/category_features.h"
#include "storyline/label/category_model.h"

namespace storyline::label {

struct TrainingExample {
  FeatureVector features;
  Category category = Category::kOther;
  uint32_t source = 0;                                 // which corpus it came from (see `balance`)
  std::optional<Category> alternative = std::nullopt;  // a second right answer: half the target each
};

struct TrainingOptions {
  uint32_t bucket_bits = 20;
  int epochs = 8;
  double learning_rate = 0.5;
  double l2 = 1e-4;  // chosen with `storyline eval categories --l2` among 1e-6 .. 3e-4
  uint64_t seed = 20241123;
  // Example weights that give every category the same total weight and, within a category, every
  // source the same share: a large corpus (Reuters, or 20 Newsgroups' many politics and religion
  // posts) must not drown the others, nor a category's Usenet posts its news articles.
  bool balance = true;
  // Models trained in different example orders (seed, seed + 1, ...) whose weights are averaged
  // into one model of the same size. One order's model swung held-out macro-F1 by up to 0.13 per
  // language (`eval categories --seed`): a few examples of a small category and source weigh
  // hundreds of times the mean, and where they fall in the order moved the whole model. Gold pages,
  // `eval categories --only gold --seeds 3`, macro-F1 mean +- half-range, one order -> four
  // averaged: de 0.571 +- 0.027 -> 0.628 +- 0.014, ru 0.592 +- 0.019 -> 0.620 +- 0.016, en 0.778 +-
  // 0.012 -> 0.758 +- 0.023; the mean of nine languages 0.576 -> 0.591.
  int averaged_orders = 4;
  unsigned threads = 1;  // orders trained at once; the model does not depend on it
};

CategoryModel train_category_model(const std::vector<TrainingExample>& examples, const TrainingOptions& options);

// Fisher-Yates with splitmix64: unlike std::shuffle, the same on every standard library.
void deterministic_shuffle(std::vector<size_t>& order, uint64_t seed);

// Features of every text (analysed in its own language), in the input's order whatever the
// thread count. The source of each is the id's first part ("bbc", "20ng", ...). With
// `section_dropout`, every other text (by a hash of its id) is seen without its URL and section:
// a model trained on pages whose label came from their section must still learn their words.
std::vector<TrainingExample> training_examples(const std::vector<LabelledText>& texts, uint32_t bucket_bits,
                                               unsigned threads = 1, bool section_dropout = false);

}  // namespace storyline::label
