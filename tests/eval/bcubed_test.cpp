#include "storyline/eval/bcubed.h"

#include <gtest/gtest.h>

#include "storyline/eval/agglomerative_baseline.h"

using namespace storyline::cluster;

TEST(BCubed, PerfectAndLumpedClusterings) {
  const std::vector<std::string> gold = {"a", "a", "b", "b"};
  const auto perfect = bcubed({"x", "x", "y", "y"}, gold);
  EXPECT_DOUBLE_EQ(perfect.f1, 1.0);
  EXPECT_EQ(perfect.clusters, 2u);
  const auto lumped = bcubed({"x", "x", "x", "x"}, gold);
  EXPECT_DOUBLE_EQ(lumped.precision, 0.5);
  EXPECT_DOUBLE_EQ(lumped.recall, 1.0);
  const auto singletons = bcubed({"1", "2", "3", "4"}, gold);
  EXPECT_DOUBLE_EQ(singletons.precision, 1.0);
  EXPECT_DOUBLE_EQ(singletons.recall, 0.5);
}

TEST(AgglomerativeBaseline, CutsAtTheThreshold) {
  // Two tight pairs far apart.
  const std::vector<SparseVector> vectors = {{{0, 1}}, {{0, 0.9f}, {1, 0.436f}}, {{2, 1}}, {{2, 0.9f}, {3, 0.436f}}};
  const auto merges = average_link_dendrogram(vectors);
  const auto clusters = cut_dendrogram(merges, vectors.size(), 0.5f);
  EXPECT_EQ(clusters[0], clusters[1]);
  EXPECT_EQ(clusters[2], clusters[3]);
  EXPECT_NE(clusters[0], clusters[2]);
  const auto all_apart = cut_dendrogram(merges, vectors.size(), 0.99f);
  EXPECT_NE(all_apart[0], all_apart[1]);
}
