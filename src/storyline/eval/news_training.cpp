#include "storyline/eval/news_training.h"

#include <cmath>
#include <cstdint>
#include <numeric>

#include "storyline/eval/category_training.h"

namespace storyline::label {

NewsModel train_news_model(const std::vector<NewsExample>& examples, int epochs, double l2) {
  const size_t buckets = size_t{1} << kNewsFeatureBits;
  std::vector<double> weights(buckets, 0.0), squares(buckets, 0.0);
  double bias = 0, bias_squares = 0;
  constexpr double kRate = 0.3, kEpsilon = 1e-8;
  // Each class weighs as much as the other, whatever their counts.
  double news = 0, other = 0;
  for (const auto& example : examples) (example.is_news ? news : other) += example.weight;
  const double news_scale = news > 0 ? 0.5 * (news + other) / news : 1;
  const double other_scale = other > 0 ? 0.5 * (news + other) / other : 1;
  std::vector<size_t> order(examples.size());
  std::iota(order.begin(), order.end(), size_t{0});
  for (int epoch = 0; epoch < epochs; ++epoch) {
    deterministic_shuffle(order, 0x6e657773ULL + static_cast<uint64_t>(epoch));
    for (size_t index : order) {
      const NewsExample& example = examples[index];
      double score = bias;
      for (const Feature& feature : example.features) score += weights[feature.bucket] * feature.value;
      const double p = 1.0 / (1.0 + std::exp(-score));
      const double scale = example.weight * (example.is_news ? news_scale : other_scale);
      const double gradient = scale * (p - (example.is_news ? 1.0 : 0.0));
      for (const Feature& feature : example.features) {
        const double g = gradient * feature.value + l2 * weights[feature.bucket];
        squares[feature.bucket] += g * g;
        weights[feature.bucket] -= kRate * g / (std::sqrt(squares[feature.bucket]) + kEpsilon);
      }
      bias_squares += gradient * gradient;
      bias -= kRate * gradient / (std::sqrt(bias_squares) + kEpsilon);
    }
  }
  // Rounded through the text form, so a trained model equals its saved and loaded self.
  NewsModel model(kNewsFeatureBits, std::vector<float>(weights.begin(), weights.end()), static_cast<float>(bias));
  return NewsModel::deserialize(model.serialize(), "trained news model");
}

}  // namespace storyline::label
