// ECB+ floor: the online story clustering keeps its measured quality (see `storyline eval
// clustering`; measured story BCubed F1 0.906, storyline 0.887, fed in batches of 100).
#include <gtest/gtest.h>

#include <random>

#include "storyline/cluster/bcubed.h"
#include "storyline/cluster/document_analysis.h"
#include "storyline/cluster/ecbplus_corpus.h"
#include "storyline/cluster/story_clusterer.h"
#include "test_paths.h"

using namespace storyline::cluster;

TEST(EcbPlusFloor, StoryAndStorylineBCubed) {
  STORYLINE_REQUIRE_SHARED(shared);
  const auto labeled = read_ecbplus(shared + "/data/clustering/ecbplus/ecbplus_docs.jsonl");
  ASSERT_EQ(labeled.size(), 982u);
  std::vector<size_t> order(labeled.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 random(1);  // the order `storyline eval clustering` uses by default
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random() % i]);

  StoryClusterer clusterer;
  DocumentAnalyzer analyzer(clusterer.vocabulary());
  std::vector<std::string> gold_stories, gold_storylines;
  std::vector<AnalyzedDocument> batch;
  for (size_t i : order) {
    batch.push_back(analyzer.analyze(labeled[i].document));
    gold_stories.push_back(labeled[i].story);
    gold_storylines.push_back(labeled[i].storyline);
    if (batch.size() == 100) clusterer.add_batch(std::exchange(batch, {}));
  }
  clusterer.add_batch(std::move(batch));
  std::vector<std::string> stories, storylines;
  for (size_t i = 0; i < clusterer.documents(); ++i) {
    stories.push_back(clusterer.story_id(i));
    storylines.push_back(clusterer.storyline_id(i));
  }
  const auto story_score = bcubed(stories, gold_stories);
  const auto storyline_score = bcubed(storylines, gold_storylines);
  EXPECT_GE(story_score.f1, 0.89) << "P " << story_score.precision << " R " << story_score.recall;
  EXPECT_GE(story_score.clusters, 70u);
  EXPECT_LE(story_score.clusters, 130u);
  EXPECT_GE(storyline_score.f1, 0.85) << "P " << storyline_score.precision << " R " << storyline_score.recall;
}
