#include "storyline/eval/same_event_fit.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <random>

namespace storyline::cluster {
namespace {

std::array<float, 4> features(const BlockCosines& c) { return {c.body, c.title, c.names, c.people}; }

// Up to `limit` items of `all`, evenly spread by a fixed shuffle.
template <typename T>
void sample(std::vector<T>& all, size_t limit, uint32_t seed) {
  if (all.size() <= limit) return;
  std::mt19937 random(seed);
  for (size_t i = all.size(); i > 1; --i) std::swap(all[i - 1], all[random() % i]);
  all.resize(limit);
}

// A document joins a story when the fitted probability that they report one event reaches 2/3,
// not 1/2: the pairs are fitted half same-event, half different, but a wrong join costs a reader
// more than a missed one (an unrelated article shown as part of the story, against one story
// shown twice), so it is taken to cost twice as much. Fitted on ECB+ and MEANTIME, at 1/2 the
// seeds' Taliban reports of 2021 and 2025 became one story even alone, and the contest stream's
// largest story grew from 16 to 23.
constexpr double kWrongJoinCost = 2.0;
const double kJoinLogOdds = std::log(kWrongJoinCost);

}  // namespace

SameEventDecision decision_from_weights(const float (&weights)[4], float bias) {
  SameEventDecision decision;
  double sum = 0;
  for (size_t k = 0; k < 4; ++k) {
    decision.weights[k] = weights[k];
    sum += std::max(0.0f, weights[k]);
  }
  decision.bias = bias;
  if (sum <= 0) return decision;
  decision.shares.title = static_cast<float>(std::max(0.0f, weights[1]) / sum);
  decision.shares.names = static_cast<float>(std::max(0.0f, weights[2]) / sum);
  decision.shares.people = static_cast<float>(std::max(0.0f, weights[3]) / sum);
  decision.threshold = static_cast<float>((kJoinLogOdds - bias) / sum);
  return decision;
}

BlockCosines block_cosines(const BlockVectors& a, const BlockVectors& b) {
  return {dot(a.body, b.body), dot(a.title, b.title), dot(a.names, b.names), dot(a.people, b.people)};
}

std::vector<LabelledPair> labelled_pairs(const std::vector<AnalyzedDocument>& documents,
                                         const std::vector<std::string>& stories, const std::vector<std::string>& storylines,
                                         const DocumentFrequencies& frequencies, size_t max_per_class, uint32_t seed) {
  std::map<std::string, std::vector<size_t>> by_storyline;
  for (size_t i = 0; i < documents.size(); ++i)
    if (!stories[i].empty()) by_storyline[storylines[i]].push_back(i);
  std::vector<std::pair<size_t, size_t>> same, different;
  for (const auto& [storyline, members] : by_storyline)
    for (size_t x = 0; x < members.size(); ++x)
      for (size_t y = x + 1; y < members.size(); ++y)
        (stories[members[x]] == stories[members[y]] ? same : different).emplace_back(members[x], members[y]);
  sample(same, max_per_class, seed);
  sample(different, max_per_class, seed + 1);
  // Each document's blocks once, however many pairs it is in.
  std::vector<std::optional<BlockVectors>> blocks(documents.size());
  const auto blocks_of = [&](size_t i) -> const BlockVectors& {
    if (!blocks[i]) blocks[i] = block_vectors(documents[i], frequencies);
    return *blocks[i];
  };
  std::vector<LabelledPair> pairs;
  for (const auto* group : {&same, &different}) {
    const float weight = group->empty() ? 0 : 0.5f * static_cast<float>(max_per_class) / static_cast<float>(group->size());
    for (const auto& [a, b] : *group) pairs.push_back({block_cosines(blocks_of(a), blocks_of(b)), group == &same, weight});
  }
  return pairs;
}

SameEventDecision fit_same_event(const std::vector<LabelledPair>& pairs, float l2) {
  std::array<double, 4> w{};
  double bias = 0, total_weight = 0;
  for (const auto& pair : pairs) total_weight += pair.weight;
  if (total_weight <= 0) return {};
  // Cosines lie in [0, 1]: a fixed step converges without scaling.
  constexpr double kStep = 4.0;
  for (int iteration = 0; iteration < 3000; ++iteration) {
    std::array<double, 4> gradient{};
    double bias_gradient = 0;
    for (const auto& pair : pairs) {
      const auto x = features(pair.cosines);
      double z = bias;
      for (size_t k = 0; k < 4; ++k) z += w[k] * x[k];
      const double p = 1.0 / (1.0 + std::exp(-z));
      const double error = (p - (pair.same_event ? 1.0 : 0.0)) * pair.weight;
      for (size_t k = 0; k < 4; ++k) gradient[k] += error * x[k];
      bias_gradient += error;
    }
    for (size_t k = 0; k < 4; ++k) w[k] -= kStep * (gradient[k] / total_weight + l2 * w[k]);
    bias -= kStep * bias_gradient / total_weight;
  }
  const float weights[4] = {static_cast<float>(w[0]), static_cast<float>(w[1]), static_cast<float>(w[2]),
                            static_cast<float>(w[3])};
  return decision_from_weights(weights, static_cast<float>(bias));
}

double decision_accuracy(const SameEventDecision& decision, const std::vector<LabelledPair>& pairs) {
  double right = 0, total = 0;
  const float body = std::max(0.0f, 1 - decision.shares.title - decision.shares.names - decision.shares.people);
  for (const auto& pair : pairs) {
    const auto& c = pair.cosines;
    const float score = body * c.body + decision.shares.title * c.title + decision.shares.names * c.names +
                        decision.shares.people * c.people;
    right += pair.weight * ((score >= decision.threshold) == pair.same_event);
    total += pair.weight;
  }
  return total > 0 ? right / total : 0;
}

}  // namespace storyline::cluster
