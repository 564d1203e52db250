#pragma once
// Standard classification figures for `storyline eval categories`: accuracy, macro-F1 and the
// confusion matrix.
#include <array>
#include <cstddef>
#include <string>

#include "storyline/label/category.h"

namespace storyline::label {

class ConfusionMatrix {
 public:
  void add(Category gold, Category predicted);
  size_t total() const { return total_; }
  size_t count(Category gold, Category predicted) const;
  double accuracy() const;
  // F1 of one category (0 when it has neither gold nor predicted documents).
  double f1(Category category) const;
  // Mean F1 over the categories that occur in the gold labels (as the datasets' own category
  // sets are compared, e.g. BBC's five).
  double macro_f1() const;
  // Rows gold, columns predicted, only categories that occur in either.
  std::string table() const;

 private:
  std::array<std::array<size_t, kCategoryCount>, kCategoryCount> counts_{};
  size_t total_ = 0;
};

}  // namespace storyline::label
