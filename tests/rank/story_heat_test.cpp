#include "storyline/rank/story_heat.h"

#include "storyline/core/iso_time.h"
#include "storyline/rank/article_quality.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>

#include "summarize/seed_stories.h"
#include "test_paths.h"

using storyline::Document;
using namespace storyline::rank;
using storyline::parse_iso_unix;

namespace {

Document member(std::string domain, std::string published) {
  Document document;
  document.id = domain + published;
  document.domain = std::move(domain);
  document.title = "Parliament passes the new energy law";
  document.text = "Parliament passed the new energy law on Tuesday after a long debate about prices.";
  document.published = std::move(published);
  return document;
}

constexpr int64_t kNow = 1633824000;  // 2021-10-10T00:00:00Z

}  // namespace

TEST(StoryHeat, MorePublishersIsHotter) {
  const auto one = story_heat({member("a.example", "2021-10-09T10:00:00Z")}, kNow);
  const auto three = story_heat({member("a.example", "2021-10-09T10:00:00Z"), member("b.example", "2021-10-09T11:00:00Z"),
                                 member("c.example", "2021-10-09T12:00:00Z")},
                                kNow);
  EXPECT_GT(three.value, one.value);
  EXPECT_GT(three.parts.publishers, one.parts.publishers);
  EXPECT_GT(three.parts.velocity, one.parts.velocity);
  EXPECT_EQ(three.last_published_unix, parse_iso_unix("2021-10-09T12:00:00Z"));
  EXPECT_NEAR(three.base, three.parts.publishers + three.parts.velocity + three.parts.quality, 1e-9);
  EXPECT_NEAR(three.value, three.base * three.parts.recency, 1e-9);
}

TEST(StoryHeat, SamePublisherTwiceCountsOnce) {
  const auto once = story_heat({member("a.example", "2021-10-09T10:00:00Z")}, kNow);
  const auto twice = story_heat({member("a.example", "2021-10-09T10:00:00Z"), member("a.example", "2021-10-09T10:00:00Z")},
                                kNow);
  EXPECT_DOUBLE_EQ(twice.parts.publishers, once.parts.publishers);
  EXPECT_DOUBLE_EQ(twice.parts.velocity, once.parts.velocity);
  EXPECT_NEAR(twice.value, once.value, 1e-9);
}

TEST(StoryHeat, OlderIsCoolerByHalfLife) {
  const auto fresh = story_heat({member("a.example", "2021-10-10T00:00:00Z")}, kNow);
  const auto old = story_heat({member("a.example", "2021-10-08T12:00:00Z")}, kNow);  // 36 hours before
  EXPECT_NEAR(fresh.parts.recency, 1.0, 1e-9);
  EXPECT_NEAR(old.parts.recency, 0.5, 1e-9);
  EXPECT_LT(old.value, fresh.value);
  const auto undated = story_heat({member("a.example", "")}, kNow);
  EXPECT_FALSE(undated.last_published_unix.has_value());
  EXPECT_GT(undated.base, 0.0);
  EXPECT_EQ(undated.value, 0.0);
}

TEST(StoryHeat, RankKeyOrdersLikeValueAtACommonNow) {
  std::vector<std::vector<Document>> stories = {
      {member("a.example", "2021-10-09T10:00:00Z")},
      {member("a.example", "2021-10-01T10:00:00Z"), member("b.example", "2021-10-01T12:00:00Z"),
       member("c.example", "2021-10-01T13:00:00Z"), member("d.example", "2021-10-02T13:00:00Z")},
      {member("a.example", "2021-10-08T10:00:00Z"), member("b.example", "2021-10-08T20:00:00Z")},
      {member("a.example", "2021-09-09T10:00:00Z"), member("b.example", "2021-10-09T20:00:00Z")},
      {member("a.example", "2021-10-05T00:00:00Z"), member("b.example", "2021-10-05T01:00:00Z"),
       member("c.example", "2021-10-05T02:00:00Z"), member("d.example", "2021-10-05T03:00:00Z"),
       member("e.example", "2021-10-05T04:00:00Z"), member("f.example", "2021-10-05T05:00:00Z")},
      {member("a.example", "")}};
  for (int64_t now : {kNow, kNow + 86400 * 3, kNow + 86400 * 30}) {
    std::vector<StoryHeat> heats;
    for (const auto& story : stories) heats.push_back(story_heat(story, now));
    for (size_t i = 0; i < heats.size(); ++i)
      for (size_t j = 0; j < heats.size(); ++j)
        if (heats[i].value > heats[j].value * (1 + 1e-9)) {
          EXPECT_GT(heat_rank_key(heats[i]), heat_rank_key(heats[j])) << i << " vs " << j << " at " << now;
        }
  }
  // The key does not depend on now.
  EXPECT_DOUBLE_EQ(heat_rank_key(story_heat(stories[2], kNow)), heat_rank_key(story_heat(stories[2], kNow + 1000)));
}

TEST(StoryHeat, KnownQualityScoresGiveTheSameHeat) {
  const std::vector<Document> story = {member("a.example", "2021-10-09T10:00:00Z"),
                                       member("b.example", "2021-10-09T12:00:00Z")};
  std::vector<int> scores;
  for (const Document& document : story) scores.push_back(article_quality(document).score);
  const auto computed = story_heat(story, kNow);
  const auto given = story_heat(story, kNow, scores);
  EXPECT_DOUBLE_EQ(computed.value, given.value);
  EXPECT_GT(story_heat(story, kNow, {100, 100}).parts.quality, story_heat(story, kNow, {0, 0}).parts.quality);
}

TEST(StoryHeat, EmptyStoryIsCold) {
  const auto heat = story_heat({}, kNow);
  EXPECT_EQ(heat.value, 0.0);
  EXPECT_EQ(heat.base, 0.0);
}

TEST(StoryHeat, SeedStoryOfFourPublishers) {
  STORYLINE_REQUIRE_SHARED(shared);
  const auto talks = storyline::testing::seed_story(shared, "000");
  const auto newest = parse_iso_unix("2021-10-10T21:58:00Z");
  ASSERT_TRUE(newest.has_value());
  const auto heat = story_heat(talks, *newest);
  std::cout << "seed 000 story: base " << heat.base << " value " << heat.value << " (publishers " << heat.parts.publishers
            << ", velocity " << heat.parts.velocity << ", quality " << heat.parts.quality << ", recency "
            << heat.parts.recency << ")\n";
  EXPECT_EQ(heat.last_published_unix, newest);
  EXPECT_NEAR(heat.parts.recency, 1.0, 1e-9);
  // Four publishers; three of them within the first day (rferl 09:07, ibtimes 18:33, nydailynews 21:32).
  EXPECT_NEAR(heat.parts.publishers, 3.0 * std::log(5.0), 1e-9);
  EXPECT_NEAR(heat.parts.velocity, std::log(4.0) - std::log(2.0), 1e-9);
  const auto single = story_heat(storyline::testing::seed_story(shared, "003"), *newest);
  EXPECT_LT(single.base, heat.base);
}

TEST(StoryHeat, AFutureDatedPageIsNoHotterThanItsBase) {
  // A page misdated 2033 used to get a rank key of 2033 and heat_at() ~1e300.
  const std::vector<Document> future = {member("a.example", "2033-01-01T00:00:00Z")};
  const StoryHeat heat = story_heat(future, kNow);
  EXPECT_NEAR(heat.parts.recency, 1.0, 1e-12);
  EXPECT_DOUBLE_EQ(heat.value, heat.base);
  EXPECT_EQ(heat.fresh_as_of_unix, kNow) << "as fresh as now, not fresher";
  const double key = heat_rank_key(heat);
  EXPECT_DOUBLE_EQ(key, heat_rank_key(story_heat({member("a.example", "2021-10-10T00:00:00Z")}, kNow)))
      << "ranks as a page of now";
  for (int64_t later : {kNow, kNow + 1, kNow + 86400, kNow + 86400 * 365 * 12}) {
    const double value = heat_at(key, later);
    EXPECT_TRUE(std::isfinite(value)) << later;
    EXPECT_LE(value, heat.base * (1 + 1e-12)) << "decay never raises heat above the base, at " << later;
  }
  EXPECT_NEAR(heat_at(key, kNow), heat.base, 1e-9);
  EXPECT_LT(heat_at(key, kNow + 86400 * 365 * 12), 1e-9) << "and it still cools once now passes";
}

TEST(StoryHeat, OnePublisherUnderSeveralHostsCountsOnce) {
  Document www = member("bbc.co.uk", "2021-10-09T10:00:00Z");
  www.url = "https://www.bbc.co.uk/news/1";
  www.site_name = "BBC News";
  Document mobile = member("m.bbc.co.uk", "2021-10-09T11:00:00Z");
  mobile.url = "https://m.bbc.co.uk/news/1";
  Document bare = member("", "2021-10-09T12:00:00Z");
  bare.domain.reset();
  bare.site_name = "BBC News";
  bare.url = "http://news.bbc.co.uk/2/1.stm";
  const auto one = story_heat({www}, kNow);
  const auto three = story_heat({www, mobile, bare}, kNow);
  EXPECT_DOUBLE_EQ(three.parts.publishers, one.parts.publishers);
  EXPECT_DOUBLE_EQ(three.parts.velocity, 0.0) << "one publisher is no burst";
}
