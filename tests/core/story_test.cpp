#include "storyline/core/story.h"

#include <gtest/gtest.h>

using namespace storyline;

// A story's own storyline is named after it; the clusterer, the store's restore and ingest's
// story records all name it through this one function.
TEST(Story, AStoryFoundsTheStorylineNamedAfterIt) {
  EXPECT_EQ(founded_storyline_id("story-news/2019/page.html"), "storyline-news/2019/page.html");
  EXPECT_EQ(founded_storyline_id("story-abc-2"), "storyline-abc-2");
  EXPECT_EQ(story_id_founded_by("abc-2"), "story-abc-2");
  EXPECT_EQ(founded_storyline_id(story_id_founded_by("news/1")), "storyline-news/1");
  EXPECT_EQ(founded_storyline_id("imported"), "storyline-imported");  // an id from elsewhere is kept whole
  EXPECT_EQ(founded_storyline_id(""), "storyline-");
}

// The storyline's timeline is ordered by instants, not by the text of the times; undated stories
// come last, in the order given.
TEST(Story, ATimelineIsInTheOrderTheEventsBegan) {
  std::vector<Story> stories(4);
  stories[0].id = "b", stories[0].first_published = Timestamp::parse("2021-10-09T23:00:00-05:00");
  stories[1].id = "undated";
  stories[2].id = "a", stories[2].first_published = Timestamp::parse("2021-10-10T01:00:00Z");
  stories[3].id = "first", stories[3].first_published = Timestamp::parse("2021-08-30");
  order_as_timeline(stories);
  std::vector<std::string> ids;
  for (const Story& story : stories) ids.push_back(story.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"first", "a", "b", "undated"}));
}
