// ECB+ floor: the online story clustering keeps its measured quality (see `storyline eval
// clustering`). Measured without entity labelling, batches of 100, seeds 1-3: story BCubed F1
// 0.893 / 0.909 / 0.893 (mean 0.898), storyline 0.881 / 0.889 / 0.893.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "storyline/cluster/document_analysis.h"
#include "storyline/cluster/story_clusterer.h"
#include "storyline/eval/bcubed.h"
#include "storyline/eval/ecbplus_corpus.h"
#include "storyline/eval/related_links.h"
#include "storyline/label/label_document.h"
#include "test_paths.h"

using namespace storyline::cluster;

namespace {

struct Scores {
  BCubedScore stories, storylines;
  size_t related_links = 0, related_within_topic = 0;  // judged by each storyline's main gold topic
};

// The clusterer fed in batches of 100, in the fixed shuffle `storyline eval clustering --seed` uses.
Scores cluster_shuffled(const std::vector<LabeledDocument>& labeled, uint32_t seed, bool entities = false) {
  std::vector<size_t> order(labeled.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 random(seed);
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random() % i]);
  StoryClusterer clusterer;
  DocumentAnalyzer analyzer(clusterer.vocabulary());
  std::vector<std::string> gold_stories, gold_storylines;
  std::vector<AnalyzedDocument> batch;
  for (size_t i : order) {
    if (entities) {
      storyline::Document document = labeled[i].document;
      storyline::label::label_entities(document);  // as ingest does
      batch.push_back(analyzer.analyze(document));
    } else {
      batch.push_back(analyzer.analyze(labeled[i].document));
    }
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
  Scores scores{bcubed(stories, gold_stories), bcubed(storylines, gold_storylines)};
  std::map<std::string, std::vector<std::string>> related;
  for (size_t i = 0; i < clusterer.documents(); ++i)
    if (!related.contains(storylines[i])) related[storylines[i]] = clusterer.related_storylines(i);
  const RelatedLinkScore links = related_links_within_gold(storylines, gold_storylines, related);
  scores.related_links = links.links;
  scores.related_within_topic = links.within_gold;
  return scores;
}

}  // namespace

// Over three orders, so that one lucky or unlucky order neither hides nor fakes a change.
TEST(EcbPlusFloor, StoryAndStorylineBCubed) {
  STORYLINE_REQUIRE_SHARED(shared);
  const auto labeled = read_ecbplus(shared + "/data/clustering/ecbplus/ecbplus_docs.jsonl");
  ASSERT_EQ(labeled.size(), 982u);
  double story_f1 = 0, storyline_f1 = 0;
  for (uint32_t seed = 1; seed <= 3; ++seed) {
    const Scores scores = cluster_shuffled(labeled, seed);
    SCOPED_TRACE("seed " + std::to_string(seed));
    EXPECT_GE(scores.stories.f1, 0.87) << "P " << scores.stories.precision << " R " << scores.stories.recall;
    EXPECT_GE(scores.stories.clusters, 70u);
    EXPECT_LE(scores.stories.clusters, 110u);
    story_f1 += scores.stories.f1 / 3;
    storyline_f1 += scores.storylines.f1 / 3;
  }
  EXPECT_GE(story_f1, 0.89);
  EXPECT_GE(storyline_f1, 0.86);
}

// Related storylines share a subject: most links stay within one of ECB+'s topics (where a topic
// was made into two storylines, relating them is right). Measured 35 of 55 links over these three
// orders (0.64), entities labelled as ingest does; the related threshold at 0.08 gave 0.41 in eval.
TEST(EcbPlusFloor, RelatedStorylinesMostlyShareATopic) {
  STORYLINE_REQUIRE_SHARED(shared);
  const auto labeled = read_ecbplus(shared + "/data/clustering/ecbplus/ecbplus_docs.jsonl");
  size_t links = 0, within = 0;
  for (uint32_t seed = 1; seed <= 3; ++seed) {
    const Scores scores = cluster_shuffled(labeled, seed, true);
    links += scores.related_links;
    within += scores.related_within_topic;
  }
  EXPECT_GE(links, 9u) << "related storylines are still found";
  EXPECT_GE(static_cast<double>(within) / static_cast<double>(links), 0.6) << within << " of " << links;
}
