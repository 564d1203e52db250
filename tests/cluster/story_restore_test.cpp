// A restarted clusterer, restored from what a store kept, names every document's story and
// storyline exactly as before, and goes on clustering new documents into those stories.
#include <gtest/gtest.h>

#include <set>

#include "storyline/cluster/document_analysis.h"
#include "storyline/cluster/story_clusterer.h"

using namespace storyline;
using namespace storyline::cluster;

namespace {

Document make(const std::string& id, const std::string& title, const std::string& text, const std::string& published) {
  Document document;
  document.id = id;
  document.title = title;
  document.text = text;
  document.language = "en";
  document.published = published;
  return document;
}

std::vector<Document> first_day() {
  return {
      make("quake-a1", "Magnitude 7.1 earthquake strikes near Ridgecrest, California",
           "A magnitude 7.1 earthquake struck near Ridgecrest in Southern California on Friday night, the US "
           "Geological Survey said. Kern County fire officials reported damaged buildings in Ridgecrest and Trona.",
           "2019-07-06"),
      make("quake-a2", "Strong quake rattles Southern California, Ridgecrest hit hardest",
           "The 7.1 quake centred near Ridgecrest shook Los Angeles. Kern County sheriff said fires broke out in "
           "Ridgecrest and gas lines ruptured in Trona; the USGS warned of aftershocks.",
           "2019-07-06"),
      make("bank-1", "Central bank raises interest rates again",
           "The central bank raised its main interest rate by a quarter point on Thursday, citing inflation in "
           "housing and energy prices.",
           "2019-07-05"),
      make("club-1", "Football club signs striker in record transfer",
           "The club confirmed the signing of the striker for a record fee after a medical on Monday.", "2019-07-04"),
  };
}

Document aftershock() {
  return make("quake-a3", "Ridgecrest earthquake: aftershocks continue after 7.1 tremor",
              "Residents of Ridgecrest and Trona spent the night outdoors after the magnitude 7.1 earthquake, as Kern "
              "County crews inspected roads and Governor Gavin Newsom declared an emergency.",
              "2019-07-07");
}

}  // namespace

TEST(StoryRestore, RestoredStoriesKeepTheirIdsAndKeepGrowing) {
  StoryClusterer original;
  DocumentAnalyzer analyzer(original.vocabulary());
  std::vector<AnalyzedDocument> batch;
  for (const Document& document : first_day()) batch.push_back(analyzer.analyze(document));
  original.add_batch(std::move(batch));

  const ClusterChanges changes = original.take_changes();
  EXPECT_EQ(changes.documents.size(), 4u) << "every new document's story is a change to store";
  EXPECT_FALSE(changes.stories.empty());
  EXPECT_TRUE(original.take_changes().documents.empty()) << "changes are taken once";

  // What a store would keep: each document's story and storyline, in arrival order.
  StoryClusterer restarted;
  DocumentAnalyzer restarted_analyzer(restarted.vocabulary());
  std::vector<RestoredDocument> kept;
  const std::vector<Document> documents = first_day();
  for (size_t i = 0; i < original.documents(); ++i) {
    const std::string& id = original.document_id(i);
    const auto found = std::find_if(documents.begin(), documents.end(), [&](const Document& d) { return d.id == id; });
    ASSERT_NE(found, documents.end());
    kept.push_back({restarted_analyzer.analyze(*found), original.story_id(i), original.storyline_id(i)});
  }
  restarted.restore(std::move(kept));
  ASSERT_EQ(restarted.documents(), original.documents());
  for (size_t i = 0; i < original.documents(); ++i) {
    EXPECT_EQ(restarted.document_id(i), original.document_id(i));
    EXPECT_EQ(restarted.story_id(i), original.story_id(i));
    EXPECT_EQ(restarted.storyline_id(i), original.storyline_id(i));
  }
  EXPECT_TRUE(restarted.take_changes().documents.empty()) << "restoring changes nothing in the store";

  // The next report of the earthquake joins the restored story, as it joins the original.
  original.add_batch({analyzer.analyze(aftershock())});
  restarted.add_batch({restarted_analyzer.analyze(aftershock())});
  EXPECT_EQ(restarted.story_id(4), original.story_id(4));
  EXPECT_EQ(restarted.story_id(4), restarted.story_id(0)) << "quake-a3 joins quake-a1's story";
  const ClusterChanges later = restarted.take_changes();
  ASSERT_EQ(later.documents.size(), 1u);
  EXPECT_EQ(later.documents[0], 4u);
  EXPECT_NE(std::find(later.stories.begin(), later.stories.end(), restarted.story_id(0)), later.stories.end());
}

TEST(StoryRestore, StoryIdsAreUnique) {
  StoryClusterer clusterer;
  DocumentAnalyzer analyzer(clusterer.vocabulary());
  std::vector<AnalyzedDocument> batch;
  for (const Document& document : first_day()) batch.push_back(analyzer.analyze(document));
  clusterer.add_batch(std::move(batch));
  std::set<std::string> ids;
  for (const StoryMembers& story : clusterer.stories()) EXPECT_TRUE(ids.insert(story.id).second) << story.id;
  EXPECT_EQ(ids.size(), 3u);
}
