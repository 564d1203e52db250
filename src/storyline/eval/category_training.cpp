#include "storyline/eval/category_training.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>

#include "storyline/core/hash.h"
#include "storyline/core/ordered_parallel.h"
#include "storyline/label/categorize.h"

namespace storyline::label {
namespace {

uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::vector<double> example_weights(const std::vector<TrainingExample>& examples, bool balance) {
  std::vector<double> weights(examples.size(), 1.0);
  if (!balance || examples.empty()) return weights;
  std::map<std::pair<Category, uint32_t>, size_t> cell_counts;
  for (const auto& example : examples) ++cell_counts[{example.category, example.source}];
  std::array<size_t, kCategoryCount> sources_per_category{};
  for (const auto& [cell, count] : cell_counts) ++sources_per_category[static_cast<size_t>(cell.first)];
  const size_t categories = static_cast<size_t>(
      std::count_if(sources_per_category.begin(), sources_per_category.end(), [](size_t n) { return n > 0; }));
  // Mean weight stays 1, so learning rate and L2 mean the same whatever the balance.
  for (size_t i = 0; i < examples.size(); ++i) {
    const auto& example = examples[i];
    const size_t cell = cell_counts[{example.category, example.source}];
    weights[i] = double(examples.size()) /
                 double(categories * sources_per_category[static_cast<size_t>(example.category)] * cell);
  }
  return weights;
}

}  // namespace

void deterministic_shuffle(std::vector<size_t>& order, uint64_t seed) {
  uint64_t state = seed;
  for (size_t i = order.size(); i > 1; --i) {
    const size_t j = static_cast<size_t>(splitmix64(state) % i);  // modulo bias is irrelevant here
    std::swap(order[i - 1], order[j]);
  }
}

namespace {

struct TrainedWeights {
  std::vector<double> weights;
  std::array<double, kCategoryCount> bias{};
};

// One run of AdaGrad over the examples in the orders `seed` gives.
TrainedWeights train_one_order(const std::vector<TrainingExample>& examples, const std::vector<double>& example_weight,
                               const TrainingOptions& options, uint64_t seed) {
  const size_t buckets = size_t{1} << options.bucket_bits;
  constexpr size_t K = kCategoryCount;
  std::vector<double> weights(buckets * K, 0.0);
  std::vector<double> squared_gradients(buckets * K, 0.0);
  std::array<double, K> bias{};
  std::array<double, K> bias_squared_gradients{};
  constexpr double kEpsilon = 1e-8;

  std::vector<size_t> order(examples.size());
  std::iota(order.begin(), order.end(), size_t{0});
  uint64_t shuffle_seed = seed;
  std::array<double, K> scores{};
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    deterministic_shuffle(order, shuffle_seed++);
    for (size_t index : order) {
      const TrainingExample& example = examples[index];
      if (example.features.empty()) continue;
      scores = bias;
      for (const Feature& feature : example.features) {
        if (feature.bucket >= buckets) continue;
        const double* row = &weights[size_t{feature.bucket} * K];
        for (size_t c = 0; c < K; ++c) scores[c] += feature.value * row[c];
      }
      const double top = *std::max_element(scores.begin(), scores.end());
      double total = 0;
      for (double& score : scores) total += (score = std::exp(score - top));
      // scores now hold probabilities; the gradient of the log loss is (p - target). A text with two
      // right answers (lenta.ru's and SIB-200's "science and technology") has half of each.
      std::array<double, K> target{};
      if (example.alternative && *example.alternative != example.category) {
        target[static_cast<size_t>(example.category)] = 0.5;
        target[static_cast<size_t>(*example.alternative)] = 0.5;
      } else {
        target[static_cast<size_t>(example.category)] = 1.0;
      }
      const double scale = example_weight[index];
      std::array<double, K> gradient{};
      for (size_t c = 0; c < K; ++c) gradient[c] = scale * (scores[c] / total - target[c]);

      for (const Feature& feature : example.features) {
        if (feature.bucket >= buckets) continue;
        double* row = &weights[size_t{feature.bucket} * K];
        double* squares = &squared_gradients[size_t{feature.bucket} * K];
        for (size_t c = 0; c < K; ++c) {
          const double g = gradient[c] * feature.value + options.l2 * row[c];
          squares[c] += g * g;
          row[c] -= options.learning_rate * g / (std::sqrt(squares[c]) + kEpsilon);
        }
      }
      for (size_t c = 0; c < K; ++c) {
        bias_squared_gradients[c] += gradient[c] * gradient[c];
        bias[c] -= options.learning_rate * gradient[c] / (std::sqrt(bias_squared_gradients[c]) + kEpsilon);
      }
    }
  }
  return {std::move(weights), bias};
}

}  // namespace

CategoryModel train_category_model(const std::vector<TrainingExample>& examples, const TrainingOptions& options) {
  if (options.bucket_bits < CategoryModel::kMinBucketBits || options.bucket_bits > CategoryModel::kMaxBucketBits)
    throw std::invalid_argument("train categories: bucket bits out of range");
  if (options.averaged_orders < 1) throw std::invalid_argument("train categories: averaged orders must be at least 1");
  const std::vector<double> example_weight = example_weights(examples, options.balance);
  const auto runs = static_cast<size_t>(options.averaged_orders);
  std::vector<TrainedWeights> trained(runs);
  // Each order is trained alone and the results are summed in order: the same bytes whatever the
  // thread count.
  const size_t threads = std::clamp<size_t>(options.threads, 1, runs);
  std::vector<std::thread> workers;
  for (size_t worker = 0; worker < threads; ++worker)
    workers.emplace_back([&, worker] {
      for (size_t run = worker; run < runs; run += threads)
        trained[run] = train_one_order(examples, example_weight, options, options.seed + run);
    });
  for (auto& thread : workers) thread.join();
  const size_t buckets = size_t{1} << options.bucket_bits;
  std::vector<float> final_weights(buckets * kCategoryCount);
  CategoryScores final_bias{};
  for (size_t i = 0; i < final_weights.size(); ++i) {
    double sum = 0;
    for (const auto& run : trained) sum += run.weights[i];
    final_weights[i] = static_cast<float>(sum / double(runs));
  }
  for (size_t c = 0; c < kCategoryCount; ++c) {
    double sum = 0;
    for (const auto& run : trained) sum += run.bias[c];
    final_bias[c] = static_cast<float>(sum / double(runs));
  }
  return CategoryModel(options.bucket_bits, final_weights, final_bias);
}

std::vector<TrainingExample> training_examples(const std::vector<LabelledText>& texts, uint32_t bucket_bits,
                                               unsigned threads, bool section_dropout) {
  std::vector<TrainingExample> examples(texts.size());
  // The shipped lexicon, as categorize() reads documents with it.
  const TranslationLexicon& lexicon = default_translation_lexicon();
  ordered_parallel_for<FeatureVector>(
      texts.size(), threads,
      [&](size_t i) {
        const LabelledText& text = texts[i];
        CategoryText input{text.title, text.text, text.language, text.url, text.section, &lexicon};
        if (section_dropout && (fnv1a64(text.id) & 1)) input.url = input.section = {};
        return category_features(input, bucket_bits);
      },
      [&](size_t i, FeatureVector&& features) {
        examples[i].features = std::move(features);
        examples[i].category = texts[i].category;
        examples[i].alternative = texts[i].alternative;
        const std::string_view source = std::string_view(texts[i].id).substr(0, texts[i].id.find('/'));
        examples[i].source = static_cast<uint32_t>(fnv1a64(source));
      });
  return examples;
}

}  // namespace storyline::label
