// Who carries a story: copies are listed under the article they copy, by the other publishers
// that printed them (each once), and the story's coverage names every publisher once, with the
// articles and copies it contributed.
#include "storyline/pipeline/story_sources.h"

#include <gtest/gtest.h>

using namespace storyline;

namespace {

Document document(const std::string& id, const std::string& url, std::optional<std::string> site_name = std::nullopt) {
  Document made;
  made.id = id;
  made.url = url;
  made.site_name = std::move(site_name);
  return made;
}

}  // namespace

TEST(StorySources, CopiesAreSourcesOfTheArticleTheyCopy) {
  const std::vector<Document> articles = {document("a", "https://www.reuters.com/world/a", "Reuters"),
                                          document("b", "https://apnews.com/b", "AP News")};
  const std::vector<store::StoredCopy> copies = {
      {document("a-mobile", "https://m.reuters.com/world/a"), "a"},          // the same publisher again
      {document("a-yahoo", "https://news.yahoo.com/a", "Yahoo News"), "a"},  // a syndicating publisher
      {document("a-yahoo-2", "https://uk.news.yahoo.com/a"), "a"},           // ...under another host
      {document("z-copy", "https://example.org/z"), "not-in-this-list"},
  };
  const auto sources = pipeline::article_sources(articles, copies);
  ASSERT_EQ(sources.size(), 2u);
  const pipeline::ArticleSources& a = sources.at("a");
  EXPECT_EQ(a.publisher.key, "reuters.com");
  EXPECT_EQ(a.publisher.name, "Reuters");
  EXPECT_EQ(a.copy_count, 3u);
  ASSERT_EQ(a.also_published_by.size(), 1u) << "Yahoo once, Reuters' own copy not at all";
  EXPECT_EQ(a.also_published_by[0].publisher.key, "yahoo.com");
  EXPECT_EQ(a.also_published_by[0].publisher.name, "Yahoo News");
  EXPECT_EQ(a.also_published_by[0].id, "a-yahoo");
  EXPECT_EQ(a.also_published_by[0].url, "https://news.yahoo.com/a");
  EXPECT_EQ(sources.at("b").copy_count, 0u);
  EXPECT_TRUE(sources.at("b").also_published_by.empty());
}

TEST(StorySources, CoverageNamesEachPublisherOnceBySiteName) {
  const std::vector<Document> articles = {document("a", "https://www.bbc.co.uk/news/a"),
                                          document("b", "https://news.bbc.co.uk/b", "BBC News"),
                                          document("c", "https://edition.cnn.com/c", "CNN"), document("d", "")};
  const std::vector<store::StoredCopy> copies = {{document("c-copy", "https://www.msn.com/c", "MSN"), "c"},
                                                 {document("a-copy", "https://m.bbc.co.uk/a"), "a"}};
  const auto coverage = pipeline::story_coverage(articles, copies);
  ASSERT_EQ(coverage.size(), 4u);
  EXPECT_EQ(coverage[0].publisher.key, "bbc.co.uk");
  EXPECT_EQ(coverage[0].publisher.name, "BBC News") << "a site name wins over the bare domain of the first article";
  EXPECT_EQ(coverage[0].articles, 2u);
  EXPECT_EQ(coverage[0].copies, 1u);
  EXPECT_EQ(coverage[1].publisher.key, "cnn.com");
  EXPECT_EQ(coverage[1].articles, 1u);
  EXPECT_EQ(coverage[2].publisher.key, "id:d") << "unnamed last among equals";
  EXPECT_EQ(coverage[2].publisher.name, "");
  EXPECT_EQ(coverage[3].publisher.key, "msn.com");
  EXPECT_EQ(coverage[3].articles, 0u);
  EXPECT_EQ(coverage[3].copies, 1u);
}

// One article stored as its page, as a record naming only its site, and on a syndicator: the
// record is the site's copy, not a second "Valley Times" (it was listed under Also published by
// and counted as a publisher of its own).
TEST(StorySources, ACopyNamingOnlyItsSiteIsThatSitesCopy) {
  const std::vector<Document> articles = {document("a", "https://www.valleytimes.com/politics/water-plan", "Valley Times")};
  const std::vector<store::StoredCopy> copies = {{document("record", "", "Valley Times"), "a"},
                                                 {document("wire", "https://news.wirehub.net/a", "Wire Hub"), "a"}};
  const auto sources = pipeline::article_sources(articles, copies);
  const pipeline::ArticleSources& a = sources.at("a");
  EXPECT_EQ(a.copy_count, 2u);
  ASSERT_EQ(a.also_published_by.size(), 1u);
  EXPECT_EQ(a.also_published_by[0].publisher.key, "wirehub.net");
  const auto coverage = pipeline::story_coverage(articles, copies);
  ASSERT_EQ(coverage.size(), 2u);
  EXPECT_EQ(coverage[0].publisher.key, "valleytimes.com");
  EXPECT_EQ(coverage[0].articles, 1u);
  EXPECT_EQ(coverage[0].copies, 1u);
  EXPECT_EQ(coverage[1].publisher.key, "wirehub.net");
}
