// The story sets `storyline eval clustering` scores on: MEANTIME read right, the hand-read contest
// gold well-formed, and the clusterer's measured quality on both kept (floors a little under the
// figures in the README, so that a real loss fails and noise does not).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "storyline/cluster/document_analysis.h"
#include "storyline/cluster/story_clusterer.h"
#include "storyline/eval/bcubed.h"
#include "storyline/eval/meantime_corpus.h"
#include "storyline/eval/page_corpora.h"
#include "storyline/eval/story_gold.h"
#include "storyline/label/label_document.h"
#include "storyline/pipeline/story_analysis.h"
#include "test_paths.h"

using namespace storyline;

namespace {

std::vector<std::string> cluster_all(std::vector<Document> documents) {
  cluster::StoryClusterer clusterer;
  cluster::DocumentAnalyzer analyzer(clusterer.vocabulary(), pipeline::story_analysis_options());  // as ingest
  std::vector<cluster::AnalyzedDocument> batch;
  for (Document& document : documents) {
    label::label_entities(document);
    batch.push_back(analyzer.analyze(document));
    if (batch.size() == 100) clusterer.add_batch(std::exchange(batch, {}));
  }
  clusterer.add_batch(std::move(batch));
  std::vector<std::string> stories;
  for (size_t i = 0; i < clusterer.documents(); ++i) stories.push_back(clusterer.story_id(i));
  return stories;
}

}  // namespace

TEST(Meantime, FourLanguagesOfOneArticleAreOneStoryWithTheirDateline) {
  STORYLINE_REQUIRE_SHARED(shared);
  const std::string folder = shared + "/data/clustering/meantime";
  std::vector<cluster::LabeledDocument> all;
  for (const char* language : eval::kMeantimeLanguages) {
    auto documents = eval::read_meantime_documents(folder, language);
    ASSERT_EQ(documents.size(), 120u) << language;
    size_t dated = 0;
    for (const auto& labeled : documents) dated += labeled.document.published.has_value();
    EXPECT_GE(dated, 118u) << language << ": the dateline (sentence 1) gives the date";
    for (auto& labeled : documents) all.push_back(std::move(labeled));
  }
  EXPECT_EQ(all[0].document.id, "en:" + all[0].story);
  EXPECT_FALSE(all[0].document.title.value_or("").empty());
  // One story holds the four translations: cross-language clustering is what is measured.
  std::map<std::string, std::set<std::string>> languages_of_story;
  for (const auto& labeled : all) languages_of_story[labeled.story].insert(*labeled.document.language);
  EXPECT_EQ(languages_of_story.size(), 120u);
  for (const auto& [story, languages] : languages_of_story) EXPECT_EQ(languages.size(), 4u) << story;
  // Measured 0.899 (README), in the shuffled order of the evaluation; here in the original order.
  std::vector<Document> documents;
  std::vector<std::string> gold;
  for (auto& labeled : all) documents.push_back(labeled.document), gold.push_back(labeled.story);
  const auto score = cluster::bcubed(cluster_all(documents), gold);
  EXPECT_GE(score.f1, 0.85) << "P " << score.precision << " R " << score.recall;
}

TEST(ContestStoryGold, RowsAreWellFormedAndNameRealPages) {
  const std::string gold = storyline::testing::source_dir() + "/gold";
  const auto pages = eval::load_story_gold(gold + "/contest-stories.tsv");
  const auto pairs = eval::load_event_pairs(gold + "/contest-pairs.tsv");
  EXPECT_GE(pages.size(), 300u);
  EXPECT_GE(pairs.size(), 350u);
  std::set<std::string> paths;
  for (const auto& page : pages) EXPECT_TRUE(paths.insert(page.path).second) << page.path << " is listed twice";
  size_t same = 0;
  for (const auto& pair : pairs) {
    EXPECT_NE(pair.path_a, pair.path_b);
    same += pair.same_event;
  }
  EXPECT_GT(same, pairs.size() / 4);
  EXPECT_LT(same, pairs.size() * 3 / 4);
  const auto shared = storyline::testing::shared_dir();
  if (!shared) GTEST_SKIP() << "../shared is absent: the gold's pages cannot be checked";
  for (const auto& page : pages) EXPECT_TRUE(std::filesystem::exists(*shared + "/data/" + page.path)) << page.path;
  for (const auto& pair : pairs) {
    EXPECT_TRUE(std::filesystem::exists(*shared + "/data/" + pair.path_a)) << pair.path_a;
    EXPECT_TRUE(std::filesystem::exists(*shared + "/data/" + pair.path_b)) << pair.path_b;
  }
}

// The contest's three hours clustered as one stream; the hand-read stories scored within each
// language (what one language's reader sees) and the pairs, against floors under the figures.
TEST(ContestStoryGold, StoriesOfTheStreamKeepTheirMeasuredQuality) {
  STORYLINE_REQUIRE_SHARED(shared);
  const std::string data = shared + "/data";
  const auto gold = eval::load_story_gold(storyline::testing::source_dir() + "/gold/contest-stories.tsv");
  const auto pairs = eval::load_event_pairs(storyline::testing::source_dir() + "/gold/contest-pairs.tsv");
  const auto files = eval::contest_page_files(data);
  ASSERT_EQ(files.size(), 7830u);
  const auto stories = cluster_all(eval::read_pages(files, 2, "contest pages"));
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < files.size(); ++i) index[std::filesystem::relative(files[i].path, data).string()] = i;
  std::vector<std::string> made, expected, made_across, expected_across;
  for (const auto& page : gold) {
    ASSERT_TRUE(index.contains(page.path)) << page.path;
    made.push_back(stories[index[page.path]] + "|" + page.language);
    expected.push_back(page.story + "|" + page.language);
    made_across.push_back(stories[index[page.path]]);
    expected_across.push_back(page.story);
  }
  const auto within = cluster::bcubed(made, expected);
  EXPECT_GE(within.f1, 0.88) << "P " << within.precision << " R " << within.recall;
  // Across languages (one event reported in several is one story): names, numbers and words
  // translated into English meet. Measured 0.760 in this order (0.783 in `eval clustering`'s).
  const auto across = cluster::bcubed(made_across, expected_across);
  EXPECT_GE(across.f1, 0.74) << "P " << across.precision << " R " << across.recall;
  size_t right = 0;
  for (const auto& pair : pairs)
    right += (stories[index.at(pair.path_a)] == stories[index.at(pair.path_b)]) == pair.same_event;
  EXPECT_GE(static_cast<double>(right) / static_cast<double>(pairs.size()), 0.61);  // measured 0.650
  // No giant mixed story: the largest story of the three hours is small.
  std::map<std::string, size_t> sizes;
  for (const auto& story : stories) ++sizes[story];
  size_t largest = 0;
  for (const auto& [story, size] : sizes) largest = std::max(largest, size);
  EXPECT_LE(largest, 30u);
}
