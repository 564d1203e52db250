#include "storyline/eval/category_metrics.h"

#include <cstdio>

namespace storyline::label {

void ConfusionMatrix::add(Category gold, Category predicted) {
  ++counts_[static_cast<size_t>(gold)][static_cast<size_t>(predicted)];
  ++total_;
}

size_t ConfusionMatrix::count(Category gold, Category predicted) const {
  return counts_[static_cast<size_t>(gold)][static_cast<size_t>(predicted)];
}

double ConfusionMatrix::accuracy() const {
  if (total_ == 0) return 0;
  size_t correct = 0;
  for (size_t c = 0; c < kCategoryCount; ++c) correct += counts_[c][c];
  return double(correct) / double(total_);
}

double ConfusionMatrix::f1(Category category) const {
  const size_t c = static_cast<size_t>(category);
  size_t gold = 0, predicted = 0;
  for (size_t k = 0; k < kCategoryCount; ++k) {
    gold += counts_[c][k];
    predicted += counts_[k][c];
  }
  if (gold + predicted == 0) return 0;
  return 2.0 * double(counts_[c][c]) / double(gold + predicted);
}

double ConfusionMatrix::macro_f1() const {
  double sum = 0;
  size_t classes = 0;
  for (size_t c = 0; c < kCategoryCount; ++c) {
    size_t gold = 0;
    for (size_t k = 0; k < kCategoryCount; ++k) gold += counts_[c][k];
    if (gold == 0) continue;
    sum += f1(category_at(c));
    ++classes;
  }
  return classes ? sum / double(classes) : 0;
}

std::string ConfusionMatrix::table() const {
  std::array<bool, kCategoryCount> shown{};
  for (size_t g = 0; g < kCategoryCount; ++g)
    for (size_t p = 0; p < kCategoryCount; ++p)
      if (counts_[g][p]) shown[g] = shown[p] = true;
  std::string out;
  char cell[64];
  std::snprintf(cell, sizeof cell, "%-15s", "gold \\ predicted");
  out += cell;
  for (size_t p = 0; p < kCategoryCount; ++p)
    if (shown[p]) {
      std::snprintf(cell, sizeof cell, " %8.8s", std::string(kCategoryNames[p]).c_str());
      out += cell;
    }
  out += "\n";
  for (size_t g = 0; g < kCategoryCount; ++g) {
    if (!shown[g]) continue;
    std::snprintf(cell, sizeof cell, "%-16s", std::string(kCategoryNames[g]).c_str());
    out += cell;
    for (size_t p = 0; p < kCategoryCount; ++p)
      if (shown[p]) {
        std::snprintf(cell, sizeof cell, " %8zu", counts_[g][p]);
        out += cell;
      }
    out += "\n";
  }
  return out;
}

}  // namespace storyline::label
