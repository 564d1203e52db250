#include "storyline/eval/bcubed.h"

#include <map>
#include <stdexcept>
#include <utility>

namespace storyline::cluster {

BCubedScore bcubed(const std::vector<std::string>& predicted, const std::vector<std::string>& gold) {
  if (predicted.size() != gold.size()) throw std::invalid_argument("bcubed: predicted and gold differ in length");
  BCubedScore score;
  if (predicted.empty()) return score;
  std::map<std::string, size_t> cluster_size, class_size;
  std::map<std::pair<std::string, std::string>, size_t> both;
  for (size_t i = 0; i < predicted.size(); ++i) {
    ++cluster_size[predicted[i]];
    ++class_size[gold[i]];
    ++both[{predicted[i], gold[i]}];
  }
  for (size_t i = 0; i < predicted.size(); ++i) {
    const double shared = static_cast<double>(both[{predicted[i], gold[i]}]);
    score.precision += shared / static_cast<double>(cluster_size[predicted[i]]);
    score.recall += shared / static_cast<double>(class_size[gold[i]]);
  }
  score.precision /= static_cast<double>(predicted.size());
  score.recall /= static_cast<double>(predicted.size());
  score.f1 = score.precision + score.recall > 0 ? 2 * score.precision * score.recall / (score.precision + score.recall) : 0;
  score.clusters = cluster_size.size();
  score.gold_classes = class_size.size();
  return score;
}

}  // namespace storyline::cluster
