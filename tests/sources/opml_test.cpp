// OPML as real feed readers write it: nested folders, title or only text, xmlUrl in any case,
// entities, broken outlines among good ones; and export then import giving the same sources.
#include "storyline/sources/opml.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "storyline/ingest/raw_input.h"

using namespace storyline;

namespace {

// Shaped like exports of Feedly, Inoreader and NetNewsWire: folders (one nested), a feed at the
// top level, outlines with only `text`, `xmlurl` in lower case, an OPML 2.0 category attribute.
const char* kOpml = R"(<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head>
    <title>My subscriptions in feedly Cloud</title>
  </head>
  <body>
    <outline text="News" title="News">
      <outline type="rss" text="BBC News - World" title="BBC News - World" xmlUrl="http://feeds.bbci.co.uk/news/world/rss.xml" htmlUrl="https://www.bbc.co.uk/news/"/>
      <outline text="Europe">
        <outline type="rss" text="RFE/RL" xmlUrl="https://www.rferl.org/api/zrqiteuuir" htmlUrl="https://www.rferl.org"/>
        <outline type="rss" title="Le Monde &amp; International" xmlurl="https://www.lemonde.fr/international/rss_full.xml"/>
      </outline>
    </outline>
    <outline text="Tech">
      <outline type="atom" text="Ars Technica" xmlUrl="https://feeds.arstechnica.com/arstechnica/index"/>
      <outline type="rss" text="Broken one" xmlUrl="not a url"/>
      <outline type="rss" text="No address"/>
    </outline>
    <outline type="rss" text="Hacker News" xmlUrl="https://news.ycombinator.com/rss" category="/Tech/Forums"/>
    <outline text="Empty folder"></outline>
  </body>
</opml>
)";

const sources::OpmlFeed* find(const sources::OpmlReadResult& result, const std::string& url) {
  for (const auto& feed : result.feeds)
    if (feed.xml_url == url) return &feed;
  return nullptr;
}

TEST(Opml, ReadsNestedRealWorldSubscriptions) {
  const auto result = sources::read_opml(kOpml);
  ASSERT_EQ(result.feeds.size(), 5u);
  const auto* bbc = find(result, "http://feeds.bbci.co.uk/news/world/rss.xml");
  ASSERT_TRUE(bbc);
  EXPECT_EQ(bbc->name, "BBC News - World");
  EXPECT_EQ(bbc->html_url, "https://www.bbc.co.uk/news/");
  EXPECT_EQ(bbc->category, "News");
  EXPECT_EQ(bbc->line, 8);
  const auto* rferl = find(result, "https://www.rferl.org/api/zrqiteuuir");
  ASSERT_TRUE(rferl);
  EXPECT_EQ(rferl->name, "RFE/RL");  // text when there is no title
  EXPECT_EQ(rferl->category, "News/Europe");
  const auto* lemonde = find(result, "https://www.lemonde.fr/international/rss_full.xml");
  ASSERT_TRUE(lemonde);
  EXPECT_EQ(lemonde->name, "Le Monde & International");
  EXPECT_EQ(find(result, "https://feeds.arstechnica.com/arstechnica/index")->category, "Tech");
  EXPECT_EQ(find(result, "https://news.ycombinator.com/rss")->category, "Tech/Forums");

  ASSERT_EQ(result.problems.size(), 2u);
  EXPECT_NE(result.problems[0].find("line 16"), std::string::npos) << result.problems[0];
  EXPECT_NE(result.problems[0].find("xmlUrl 'not a url'"), std::string::npos);
  EXPECT_NE(result.problems[1].find("line 17"), std::string::npos) << result.problems[1];
  EXPECT_NE(result.problems[1].find("no xmlUrl"), std::string::npos);
}

TEST(Opml, ExportThenImportGivesTheSameSources) {
  const auto first = sources::read_opml(kOpml);
  std::vector<store::SourceRecord> sources;
  for (const auto& feed : first.feeds) sources.push_back(storyline::sources::source_of(feed));
  const std::string exported = sources::write_opml(sources);
  EXPECT_NE(exported.find("<opml version=\"2.0\">"), std::string::npos);
  EXPECT_NE(exported.find("Le Monde &amp; International"), std::string::npos);
  const auto again = sources::read_opml(exported);
  EXPECT_TRUE(again.problems.empty());
  ASSERT_EQ(again.feeds.size(), first.feeds.size());
  for (const auto& feed : first.feeds) {
    const auto* back = find(again, feed.xml_url);
    ASSERT_TRUE(back) << feed.xml_url;
    EXPECT_EQ(back->name, feed.name);
    EXPECT_EQ(back->html_url, feed.html_url);
    EXPECT_EQ(back->category, feed.category);
  }
}

TEST(Opml, RefusesWhatIsNotOpmlNamingTheLine) {
  try {
    sources::read_opml("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>");
    FAIL() << "an RSS file is not OPML";
  } catch (const ingest::InputError& error) {
    EXPECT_NE(std::string(error.what()).find("line 2"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("<rss>"), std::string::npos) << error.what();
  }
  EXPECT_THROW(sources::read_opml(""), ingest::InputError);
  EXPECT_THROW(sources::read_opml(std::string("\x89PNG\r\n\x1a\n\0\0\0", 11)), ingest::InputError);
  EXPECT_THROW(sources::read_opml("<opml><head/></opml>"), ingest::InputError);  // no body
}

TEST(Opml, RecoversWhatItCanFromBrokenXml) {
  // An unescaped "&" and a missing end tag, as hand-edited files have.
  const auto result = sources::read_opml(
      "<opml version=\"2.0\"><body>\n<outline text=\"A & B\" xmlUrl=\"https://a.example/feed\"/>\n"
      "<outline text=\"C\" xmlUrl=\"https://c.example/feed\">\n</body></opml>");
  ASSERT_FALSE(result.problems.empty());
  EXPECT_NE(result.problems.front().find("malformed XML"), std::string::npos);
  EXPECT_FALSE(result.feeds.empty());
}

TEST(Opml, DeepNestingDoesNotCrash) {
  std::string opml = "<opml><body>";
  for (int i = 0; i < 5000; ++i) opml += "<outline text=\"f\">";
  opml += "<outline xmlUrl=\"https://deep.example/feed\"/>";
  for (int i = 0; i < 5000; ++i) opml += "</outline>";
  opml += "</body></opml>";
  const auto result = sources::read_opml(opml);  // libxml2 or our walker stop it, never a crash
  EXPECT_TRUE(result.feeds.empty());
}

}  // namespace
