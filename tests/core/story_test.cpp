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
