#include "storyline/sources/robots_rules.h"

#include <gtest/gtest.h>

using storyline::sources::RobotsRules;

TEST(RobotsRules, OurGroupWinsOverTheStarGroup) {
  const auto rules = RobotsRules::parse(
      "# comment\nUser-agent: *\nDisallow: /\n\nUser-agent: Storyline\nUser-agent: otherbot\nDisallow: /private\n"
      "Allow: /private/open\n");
  EXPECT_TRUE(rules.allows("/news/1"));
  EXPECT_FALSE(rules.allows("/private/x"));
  EXPECT_TRUE(rules.allows("/private/open/feed.xml"));
}

TEST(RobotsRules, StarGroupWhenOursIsAbsent) {
  const auto rules = RobotsRules::parse("User-agent: Googlebot\nDisallow:\n\nUser-agent: *\nDisallow: /search\n");
  EXPECT_FALSE(rules.allows("/search?q=x"));
  EXPECT_TRUE(rules.allows("/feed.xml"));
}

TEST(RobotsRules, LongestMatchWinsAndAllowWinsTies) {
  const auto rules = RobotsRules::parse(
      "User-agent: *\nDisallow: /a\nAllow: /a/b\nDisallow: /a/b/c\nAllow: /t\nDisallow: /t\n");
  EXPECT_FALSE(rules.allows("/a/x"));
  EXPECT_TRUE(rules.allows("/a/b/x"));
  EXPECT_FALSE(rules.allows("/a/b/c/d"));
  EXPECT_TRUE(rules.allows("/t"));
}

TEST(RobotsRules, WildcardsAndEndAnchor) {
  const auto rules = RobotsRules::parse("User-agent: *\nDisallow: /*.pdf$\nDisallow: /*/amp/\n");
  EXPECT_FALSE(rules.allows("/files/report.pdf"));
  EXPECT_TRUE(rules.allows("/files/report.pdf?download=1"));
  EXPECT_FALSE(rules.allows("/news/amp/story"));
  EXPECT_TRUE(rules.allows("/news/story"));
}

TEST(RobotsRules, EmptyAndGarbageAllowEverything) {
  EXPECT_TRUE(RobotsRules::parse("").allows("/"));
  EXPECT_TRUE(RobotsRules::parse(std::string("\0\xff\xfe garbage: ::: \n\n", 20)).allows("/x"));
  EXPECT_TRUE(RobotsRules::parse("User-agent: *\nDisallow:\n").allows("/x"));
  EXPECT_FALSE(RobotsRules::disallow_all().allows("/x"));
}

TEST(RobotsRules, CrawlDelayOfOurGroup) {
  EXPECT_EQ(RobotsRules::parse("User-agent: *\nCrawl-delay: 10\nDisallow: /x\n").crawl_delay_seconds(), 10.0);
  EXPECT_EQ(RobotsRules::parse("User-agent: *\nCrawl-delay: 10\n\nUser-agent: storyline\nCrawl-delay: 0.5\n")
                .crawl_delay_seconds(),
            0.5);
  EXPECT_FALSE(RobotsRules::parse("User-agent: *\nCrawl-delay: soon\n").crawl_delay_seconds());
}
