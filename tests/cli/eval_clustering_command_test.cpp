// storyline eval clustering, run as a user would: it reads its corpora and prints their figures.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "cli/cli_runner.h"
#include "test_paths.h"

using storyline::testing::run_storyline;

// A copy of a BBC article lands in its original's story, every one of the 100 listed groups.
TEST(EvalClusteringCommand, EveryListedDuplicateJoinsItsOriginalsStory) {
  STORYLINE_REQUIRE_SHARED(shared);
  const auto result = run_storyline({"eval", "clustering", "--data", shared + "/data", "--only", "duplicates"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::regex row(R"(BBC duplicates: 2225 documents, 200 scored\n  stories +P ([0-9.]+) +R ([0-9.]+) +F1 ([0-9.]+))");
  std::smatch match;
  ASSERT_TRUE(std::regex_search(result.out, match, row)) << result.out;
  EXPECT_GE(std::stod(match[2]), 0.99) << "recall";
  EXPECT_GE(std::stod(match[3]), 0.90) << "F1 (measured 0.936)";
}

// Over several input orders the mean F1 lies between the lowest and highest order's, and each
// order is a real run (the orders differ, so the range is not one repeated figure).
TEST(EvalClusteringCommand, SeveralOrdersPrintTheMeanWithinItsRange) {
  STORYLINE_REQUIRE_SHARED(shared);
  const auto result = run_storyline(
      {"eval", "clustering", "--data", shared + "/data", "--only", "duplicates", "--orders", "3"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::regex row(
      R"(BBC duplicates: 2225 documents, 200 scored\n  stories +P [0-9.]+ +R [0-9.]+ +F1 ([0-9.]+) .*F1 ([0-9.]+)-([0-9.]+) over 3 orders)");
  std::smatch match;
  ASSERT_TRUE(std::regex_search(result.out, match, row)) << result.out;
  const double mean = std::stod(match[1]), low = std::stod(match[2]), high = std::stod(match[3]);
  EXPECT_LE(low, mean);
  EXPECT_LE(mean, high);
  EXPECT_LT(low, high) << "three orders gave one figure";
  EXPECT_GE(low, 0.85);
}

TEST(EvalClusteringCommand, PairsOverSeveralOrdersArePooledWithTheirRange) {
  STORYLINE_REQUIRE_SHARED(shared);
  const auto result = run_storyline(
      {"eval", "clustering", "--data", shared + "/data", "--only", "contest", "--orders", "2"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  // One order's pairs were once reported as the figure: the best of five orders.
  const std::regex row(
      R"(pairs decided right: ([0-9.]+) of 383, ([0-9.]+)-([0-9.]+) over 2 orders \(same event ([0-9.]+) of 220)");
  std::smatch match;
  ASSERT_TRUE(std::regex_search(result.out, match, row)) << result.out;
  const double mean = std::stod(match[1]), low = std::stod(match[2]), high = std::stod(match[3]);
  EXPECT_LE(low, mean);
  EXPECT_LE(mean, high);
  EXPECT_GE(low, 0.55);
  EXPECT_GT(std::stod(match[4]), 0.5);
}
