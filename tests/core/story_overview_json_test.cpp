#include "storyline/core/story_overview_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

using namespace storyline;

namespace {

StoryOverview full_overview() {
  StoryOverview overview;
  overview.bullets.push_back({"Talks resumed in Doha.", {"Reuters", "Dawn"}, {"a-1", "a-2"}});
  StoryQuote quote;
  quote.text = "We are ready";
  quote.speaker = "Zabihullah Mujahid";
  quote.speaker_role = "spokesperson";
  quote.reported = true;
  quote.told_to = "Al Arabiya";
  quote.via = "his office";
  quote.document_id = "a-2";
  quote.publisher = "Dawn";
  overview.quotes.push_back(quote);
  overview.topics = {"Afghanistan", "Taliban"};
  overview.publishers = {"Reuters", "Dawn"};
  overview.coverage = {{"reuters.com", "Reuters", 1, 2}, {"dawn.com", "Dawn", 1, 0}};
  overview.copy_count = 2;
  overview.heat = {3.5, 2.2, 0.7, 0.6, 0.25, 1633770420};
  overview.article_quality["a-1"] = {81, 0.9, 0.75, 1.0};
  return overview;
}

}  // namespace

TEST(StoryOverviewJson, EveryFieldReadsBackAsWritten) {
  const StoryOverview written = full_overview();
  const StoryOverview read = story_overview_from_json(story_overview_to_json(written));
  ASSERT_EQ(read.bullets.size(), 1u);
  EXPECT_EQ(read.bullets[0].text, "Talks resumed in Doha.");
  EXPECT_EQ(read.bullets[0].publishers, written.bullets[0].publishers);
  EXPECT_EQ(read.bullets[0].document_ids, written.bullets[0].document_ids);
  ASSERT_EQ(read.quotes.size(), 1u);
  const StoryQuote& quote = read.quotes[0];
  EXPECT_EQ(quote.speaker, "Zabihullah Mujahid");
  EXPECT_EQ(quote.speaker_role, "spokesperson");
  EXPECT_TRUE(quote.reported);
  EXPECT_EQ(quote.told_to, "Al Arabiya") << "who a statement was told to is kept, not dropped";
  EXPECT_EQ(quote.via, "his office");
  EXPECT_EQ(quote.document_id, "a-2");
  EXPECT_EQ(quote.publisher, "Dawn");
  EXPECT_EQ(read.topics, written.topics);
  EXPECT_EQ(read.publishers, written.publishers);
  ASSERT_EQ(read.coverage.size(), 2u);
  EXPECT_EQ(read.coverage[0].key, "reuters.com");
  EXPECT_EQ(read.coverage[0].copies, 2u);
  EXPECT_EQ(read.copy_count, 2u);
  EXPECT_DOUBLE_EQ(read.heat.base, 3.5);
  EXPECT_DOUBLE_EQ(read.heat.recency, 0.25);
  EXPECT_EQ(read.heat.now, 1633770420);
  EXPECT_EQ(read.quality_of("a-1"), 81);
  EXPECT_DOUBLE_EQ(read.article_quality.at("a-1").metadata, 0.75);
  EXPECT_EQ(read.quality_of("unknown"), 0);
  EXPECT_EQ(story_overview_to_json(read), story_overview_to_json(written)) << "a second trip changes no byte";
}

TEST(StoryOverviewJson, ARecordOfAnEarlierBuildReadsBack) {
  // As stored before quotes kept told_to and via, and with "summary" beside "bullets".
  const std::string stored =
      R"({"summary":["One."],"bullets":[{"text":"One.","publishers":["A"],"documents":["d"]}],)"
      R"("quotes":[{"text":"Hi","speaker":"B","speaker_role":null,"reported":false,"document":"d","publisher":"A"}],)"
      R"("topics":["T"],"publishers":["A"],"coverage":[{"key":"a.com","name":"A","articles":1,"copies":0}],)"
      R"("copy_count":0,"heat_parts":{"base":1.0,"publishers":0.5,"velocity":0.2,"quality":0.3,"recency":1.0,"now":5},)"
      R"("article_quality":{"d":{"score":50,"body":0.5,"metadata":0.5,"cleanliness":1.0}}})";
  const StoryOverview read = story_overview_from_json(stored);
  ASSERT_EQ(read.quotes.size(), 1u);
  EXPECT_EQ(read.quotes[0].speaker, "B");
  EXPECT_FALSE(read.quotes[0].speaker_role);
  EXPECT_FALSE(read.quotes[0].told_to);
  EXPECT_EQ(read.bullets.size(), 1u);
  EXPECT_EQ(read.quality_of("d"), 50);
  EXPECT_EQ(read.heat.now, 5);
}

TEST(StoryOverviewJson, ABadFieldKeepsItsDefaultAndTheRestReads) {
  const StoryOverview read = story_overview_from_json(
      R"({"copy_count":"many","topics":["Ok",7],"bullets":"none","summary":["Only sentences."],"heat_parts":[1]})");
  EXPECT_EQ(read.copy_count, 0u);
  EXPECT_EQ(read.topics, std::vector<std::string>{"Ok"});
  ASSERT_EQ(read.bullets.size(), 1u) << "sentences without bullets still make the summary";
  EXPECT_EQ(read.bullets[0].text, "Only sentences.");
  EXPECT_DOUBLE_EQ(read.heat.base, 0.0);
  EXPECT_TRUE(story_overview_from_json("not json").bullets.empty());
  EXPECT_TRUE(story_overview_from_json("[1,2]").topics.empty());
}
