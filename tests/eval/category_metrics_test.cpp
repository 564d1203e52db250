#include "storyline/eval/category_metrics.h"

#include <gtest/gtest.h>

using namespace storyline::label;
using enum Category;

TEST(CategoryMetrics, AccuracyMacroF1AndTable) {
  ConfusionMatrix matrix;
  // sports: 3 gold, 2 right, 1 called economy; economy: 1 gold, right.
  matrix.add(kSports, kSports);
  matrix.add(kSports, kSports);
  matrix.add(kSports, kEconomy);
  matrix.add(kEconomy, kEconomy);
  EXPECT_EQ(matrix.total(), 4u);
  EXPECT_DOUBLE_EQ(matrix.accuracy(), 0.75);
  EXPECT_DOUBLE_EQ(matrix.f1(kSports), 2.0 * 2 / (3 + 2));
  EXPECT_DOUBLE_EQ(matrix.f1(kEconomy), 2.0 * 1 / (1 + 2));
  EXPECT_DOUBLE_EQ(matrix.macro_f1(), (0.8 + 2.0 / 3) / 2);
  EXPECT_EQ(matrix.count(kSports, kEconomy), 1u);
  const std::string table = matrix.table();
  EXPECT_NE(table.find("sports"), std::string::npos);
  EXPECT_EQ(table.find("science"), std::string::npos);  // categories never seen are left out
}

TEST(CategoryMetrics, EmptyMatrixIsZeroNotNan) {
  ConfusionMatrix matrix;
  EXPECT_EQ(matrix.accuracy(), 0);
  EXPECT_EQ(matrix.macro_f1(), 0);
}
