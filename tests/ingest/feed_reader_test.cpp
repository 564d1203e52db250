#include "storyline/ingest/feed_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli/cli_runner.h"
#include "storyline/core/ascii.h"
#include "storyline/ingest/feed_dates.h"
#include "storyline/ingest/feed_html_text.h"
#include "storyline/ingest/read_documents.h"
#include "storyline/text/encoding.h"
#include "test_paths.h"

using namespace storyline;
using namespace storyline::ingest;

namespace {

ReadResult read(const std::string& bytes, const char* source = "feed.xml") {
  return read_documents(RawInput{source, bytes, std::nullopt});
}

constexpr const char* kRss2 = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
  <title>Die Tageszeitung</title>
  <link>https://www.example.de/</link>
  <language>de-DE</language>
  <item>
    <title>Regierung beschlie&#223;t neues Gesetz</title>
    <link>https://www.example.de/politik/gesetz-123.html</link>
    <guid isPermaLink="false">urn:example:123</guid>
    <pubDate>Mon, 01 Feb 2016 17:22:00 +0100</pubDate>
    <dc:creator>Anna Schmidt</dc:creator>
    <dc:creator>Jens Meyer</dc:creator>
    <description><![CDATA[<p>Die Regierung hat am Montag ein Gesetz beschlossen.</p>]]></description>
    <content:encoded><![CDATA[<p>Die Regierung hat am Montag ein neues Gesetz beschlossen, das die Mieten begrenzen soll.</p>
      <p>Der Bundestag muss noch zustimmen. Die Opposition kritisiert den Entwurf als unzureichend.</p>
      <script>track()</script><p>The post <a href="x">Gesetz</a> appeared first on <a href="y">Example</a>.</p>]]></content:encoded>
    <enclosure url="https://www.example.de/bild.jpg" type="image/jpeg" length="1234"/>
    <enclosure url="https://www.example.de/ton.mp3" type="audio/mpeg" length="1234"/>
    <media:thumbnail url="https://www.example.de/klein.jpg" width="120" height="80"/>
  </item>
  <item>
    <title>Zweiter Artikel</title>
    <guid>https://www.example.de/zwei.html</guid>
    <description>Nur ein kurzer Text &amp;amp; mehr.</description>
    <author>redaktion@example.de (Petra Klein)</author>
  </item>
</channel>
</rss>)";

}  // namespace

TEST(FeedReader, Rss2ItemsBecomeDocuments) {
  const ReadResult result = read(kRss2);
  ASSERT_EQ(result.documents.size(), 2u);
  EXPECT_TRUE(result.problems.empty());
  const Document& first = result.documents[0];
  EXPECT_EQ(first.title, "Regierung beschließt neues Gesetz");
  EXPECT_EQ(first.url, "https://www.example.de/politik/gesetz-123.html");
  EXPECT_EQ(first.id, "urn:example:123");
  EXPECT_EQ(first.published, "2016-02-01T16:22:00Z");
  EXPECT_EQ(first.author, "Anna Schmidt, Jens Meyer");
  EXPECT_EQ(first.site_name, "Die Tageszeitung");
  EXPECT_EQ(first.language, "de");
  EXPECT_EQ(first.domain, "example.de");
  EXPECT_EQ(first.excerpt, "Die Regierung hat am Montag ein Gesetz beschlossen.");
  EXPECT_EQ(first.text,
            "Die Regierung hat am Montag ein neues Gesetz beschlossen, das die Mieten begrenzen soll.\n\n"
            "Der Bundestag muss noch zustimmen. Die Opposition kritisiert den Entwurf als unzureichend.");
  ASSERT_EQ(first.images.size(), 2u);
  EXPECT_EQ(first.images[0].url, "https://www.example.de/bild.jpg");
  EXPECT_EQ(first.images[1].url, "https://www.example.de/klein.jpg");
  EXPECT_EQ(first.images[1].width, 120);
  EXPECT_EQ(first.images[1].height, 80);

  const Document& second = result.documents[1];
  EXPECT_EQ(second.url, "https://www.example.de/zwei.html");  // permalink guid
  EXPECT_EQ(second.text, "Nur ein kurzer Text & mehr.");      // escaped twice in the feed
  EXPECT_EQ(second.excerpt, second.text);                     // a short description is a teaser
  EXPECT_EQ(second.author, "Petra Klein");
  EXPECT_FALSE(second.published);
}

TEST(FeedReader, Rss1RdfItemsBesideTheChannel) {
  const std::string rdf = R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://news.example.org/rss">
    <title>Example News</title><link>https://news.example.org/</link>
    <dc:language>en</dc:language>
  </channel>
  <item rdf:about="https://news.example.org/a/1">
    <title>Markets rally after rate decision</title>
    <link>https://news.example.org/a/1</link>
    <description>Stocks rose sharply on Wednesday after the central bank held rates.</description>
    <dc:date>2021-10-09T09:07:00+02:00</dc:date>
    <dc:creator>Sam Lee</dc:creator>
  </item>
  <item rdf:about="https://news.example.org/a/2"><title>Second</title><link>/a/2</link></item>
</rdf:RDF>)";
  const ReadResult result = read(rdf);
  ASSERT_EQ(result.documents.size(), 2u);
  EXPECT_EQ(result.documents[0].title, "Markets rally after rate decision");
  EXPECT_EQ(result.documents[0].published, "2021-10-09T07:07:00Z");
  EXPECT_EQ(result.documents[0].author, "Sam Lee");
  EXPECT_EQ(result.documents[0].id, "https://news.example.org/a/1");
  EXPECT_EQ(result.documents[0].site_name, "Example News");
  EXPECT_EQ(result.documents[1].url, "https://news.example.org/a/2");  // resolved against the channel link
}

TEST(FeedReader, Atom10EntriesWithLinksContentAndInheritedAuthor) {
  const std::string atom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en" xml:base="https://blog.example.com/">
  <title type="text">Example Blog</title>
  <link rel="alternate" href="https://blog.example.com/"/>
  <author><name>Feed Author</name></author>
  <id>urn:feed</id>
  <entry>
    <title type="html">Rust &amp;amp; C++ &lt;em&gt;together&lt;/em&gt;</title>
    <link rel="self" href="https://blog.example.com/self/1"/>
    <link rel="enclosure" type="image/png" href="/img/cover.png"/>
    <link rel="alternate" type="text/html" href="posts/1.html"/>
    <id>tag:blog.example.com,2021:1</id>
    <updated>2021-03-02T10:00:00Z</updated>
    <published>2021-03-01T08:00:00-05:00</published>
    <summary>A short summary.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First paragraph of the post.</p><p>Second <b>bold</b> paragraph.</p></div></content>
  </entry>
  <entry>
    <title>Only updated</title>
    <link href="https://blog.example.com/posts/2.html"/>
    <id>tag:blog.example.com,2021:2</id>
    <updated>2021-04-01T00:00:00Z</updated>
    <author><name>Guest Writer</name></author>
    <content type="html">&lt;p&gt;Escaped &amp;lt;b&amp;gt;HTML&amp;lt;/b&amp;gt; body.&lt;/p&gt;</content>
  </entry>
</feed>)";
  const ReadResult result = read(atom);
  ASSERT_EQ(result.documents.size(), 2u);
  const Document& first = result.documents[0];
  EXPECT_EQ(first.title, "Rust & C++ together");
  EXPECT_EQ(first.url, "https://blog.example.com/posts/1.html");
  EXPECT_EQ(first.id, "tag:blog.example.com,2021:1");
  EXPECT_EQ(first.published, "2021-03-01T13:00:00Z");  // published wins over updated
  EXPECT_EQ(first.author, "Feed Author");              // inherited from the feed
  EXPECT_EQ(first.excerpt, "A short summary.");
  EXPECT_EQ(first.text, "First paragraph of the post.\n\nSecond bold paragraph.");
  ASSERT_EQ(first.images.size(), 1u);
  EXPECT_EQ(first.images[0].url, "https://blog.example.com/img/cover.png");
  EXPECT_EQ(first.site_name, "Example Blog");
  const Document& second = result.documents[1];
  EXPECT_EQ(second.published, "2021-04-01T00:00:00Z");
  EXPECT_EQ(second.author, "Guest Writer");
  EXPECT_EQ(second.text, "Escaped <b>HTML</b> body.");
}

TEST(FeedReader, Atom03EscapedContentAndIssuedDate) {
  const std::string atom03 = R"(<?xml version="1.0"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#">
  <title>Old Atom</title>
  <entry>
    <title>An Atom 0.3 entry</title>
    <link rel="alternate" type="text/html" href="http://old.example.net/2005/04/entry"/>
    <issued>2005-04-01T12:00:00Z</issued>
    <modified>2005-04-02T12:00:00Z</modified>
    <content type="text/html" mode="escaped">&lt;p&gt;Body of the old entry.&lt;/p&gt;</content>
  </entry>
</feed>)";
  const ReadResult result = read(atom03);
  ASSERT_EQ(result.documents.size(), 1u);
  EXPECT_EQ(result.documents[0].url, "http://old.example.net/2005/04/entry");
  EXPECT_EQ(result.documents[0].published, "2005-04-01T12:00:00Z");
  EXPECT_EQ(result.documents[0].text, "Body of the old entry.");
}

TEST(FeedReader, Rss091UndeclaredHtmlEntitiesAndNonPermalinkGuid) {
  const std::string rss091 = R"(<?xml version="1.0"?>
<rss version="0.91"><channel><title>Caf&eacute; News</title><link>http://cafe.example.fr/</link>
<language>fr</language>
<item><title>Le caf&eacute; d&rsquo;en face&nbsp;ferme</title>
<guid isPermaLink="false">item-42</guid>
<description>Le caf&amp;eacute; historique ferme ses portes apr&egrave;s cent ans.</description></item>
</channel></rss>)";
  const ReadResult result = read(rss091);
  ASSERT_EQ(result.documents.size(), 1u);
  const Document& document = result.documents[0];
  EXPECT_EQ(document.title, "Le café d\u2019en face ferme");
  EXPECT_EQ(document.site_name, "Café News");
  EXPECT_EQ(document.id, "item-42");
  EXPECT_FALSE(document.url);  // a guid that is not a permalink is not a URL
  EXPECT_EQ(document.text, "Le café historique ferme ses portes après cent ans.");
  EXPECT_EQ(document.language, "fr");
}

TEST(FeedReader, JsonFeed10And11) {
  const std::string feed = R"({
  "version": "https://jsonfeed.org/version/1.1",
  "title": "JSON Times",
  "home_page_url": "https://json.example.com/",
  "language": "en-US",
  "authors": [{"name": "Desk"}],
  "items": [
    {"id": 7, "url": "https://json.example.com/7", "title": "Seven",
     "content_html": "<p>Seventh <i>story</i>.</p><p>More.</p>", "summary": "The seventh.",
     "date_published": "2020-01-02T03:04:05+01:00", "image": "https://json.example.com/7.jpg",
     "authors": [{"name": "Ann"}, {"name": "Bo"}]},
    {"id": "8", "external_url": "https://elsewhere.example/8", "content_text": "Plain text only.\n\nTwo paragraphs.",
     "author": {"name": "Old Style"}},
    {"id": "9"},
    "not an item"
  ]})";
  const ReadResult result = read(feed, "feed.json");
  ASSERT_EQ(result.documents.size(), 2u);
  EXPECT_EQ(result.documents[0].id, "7");
  EXPECT_EQ(result.documents[0].title, "Seven");
  EXPECT_EQ(result.documents[0].text, "Seventh story.\n\nMore.");
  EXPECT_EQ(result.documents[0].excerpt, "The seventh.");
  EXPECT_EQ(result.documents[0].published, "2020-01-02T02:04:05Z");
  EXPECT_EQ(result.documents[0].author, "Ann, Bo");
  EXPECT_EQ(result.documents[0].site_name, "JSON Times");
  ASSERT_EQ(result.documents[0].images.size(), 1u);
  EXPECT_EQ(result.documents[1].url, "https://elsewhere.example/8");
  EXPECT_EQ(result.documents[1].text, "Plain text only.\n\nTwo paragraphs.");
  EXPECT_EQ(result.documents[1].author, "Old Style");
  // Item 9 has neither title nor text; the fourth is not an object: both noted, neither fatal.
  ASSERT_EQ(result.problems.size(), 2u);
}

TEST(FeedReader, ItemWithoutTitleOrTextIsSkippedWithANote) {
  const ReadResult result = read(
      "<rss version=\"2.0\"><channel><title>T</title>"
      "<item><link>https://x.example/1</link></item><item><title>Kept</title></item></channel></rss>");
  ASSERT_EQ(result.documents.size(), 1u);
  EXPECT_EQ(result.documents[0].title, "Kept");
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_NE(result.problems[0].find("item 1"), std::string::npos) << result.problems[0];
}

TEST(FeedReader, TruncatedFeedGivesTheItemsBeforeTheBreak) {
  const ReadResult result = read(
      "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
      "<item><title>Complete item</title><description>Whole.</description></item>"
      "<item><title>Cut off ite");
  ASSERT_GE(result.documents.size(), 1u);
  EXPECT_EQ(result.documents[0].title, "Complete item");
  ASSERT_FALSE(result.problems.empty());
  EXPECT_NE(result.problems.back().find("malformed XML"), std::string::npos) << result.problems.back();
}

TEST(FeedReader, UnreadableFeedsNameTheProblem) {
  auto message_of = [](const std::string& bytes) {
    try {
      read(bytes);
    } catch (const InputError& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message_of("<rss version=\"2.0\"><channel><title>Nothing</title></channel></rss>").find("no items"),
            std::string::npos);
  EXPECT_NE(message_of("<rss <<<< &&&").find("RSS feed"), std::string::npos);
  EXPECT_NE(message_of("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": 5}").find("items"), std::string::npos);
  EXPECT_NE(message_of("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [").find("not valid JSON"),
            std::string::npos);
}

TEST(FeedReader, Latin2AndGb2312FeedsComeOutAsUtf8) {
  // "Łódź" in ISO-8859-2 bytes.
  const std::string latin2 =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><rss version=\"2.0\"><channel><title>Gazeta</title>"
      "<item><title>\xA3\xF3\x64\xBC \xBF\xF3\xB3ty</title><description>Tekst.</description></item></channel></rss>";
  const ReadResult polish = read(latin2);
  ASSERT_EQ(polish.documents.size(), 1u);
  EXPECT_EQ(polish.documents[0].title, "Łódź żółty");
  // "新闻" (news) in GB2312 bytes.
  const std::string gb2312 =
      "<?xml version=\"1.0\" encoding=\"gb2312\"?><rss version=\"2.0\"><channel><title>\xD0\xC2\xCE\xC5</title>"
      "<item><title>\xD0\xC2\xCE\xC5\xB1\xEA\xCC\xE2</title><description>\xD0\xC2\xCE\xC5</description></item>"
      "</channel></rss>";
  const ReadResult chinese = read(gb2312);
  ASSERT_EQ(chinese.documents.size(), 1u);
  EXPECT_EQ(chinese.documents[0].title, "新闻标题");
  EXPECT_EQ(chinese.documents[0].site_name, "新闻");
}

TEST(FeedReader, AtomEntryDocumentIsAFeedOfOne) {
  const ReadResult result = read(
      "<?xml version=\"1.0\"?><entry xmlns=\"http://www.w3.org/2005/Atom\"><title>Alone</title>"
      "<id>urn:1</id><updated>2009-08-31T18:55:12Z</updated><content>Text.</content></entry>");
  ASSERT_EQ(result.documents.size(), 1u);
  EXPECT_EQ(result.documents[0].published, "2009-08-31T18:55:12Z");
}

TEST(FeedHtmlText, ParagraphsBreaksAndDroppedElements) {
  EXPECT_EQ(html_fragment_text("<p>One</p><p>Two <a href='x'>link</a></p>"), "One\n\nTwo link");
  EXPECT_EQ(html_fragment_text("Line one<br><br>Line two<br>same paragraph"), "Line one\n\nLine two\nsame paragraph");
  EXPECT_EQ(html_fragment_text("<div>Text<script>var x = 1;</script><iframe src=x></iframe></div>"), "Text");
  EXPECT_EQ(html_fragment_text("5 &lt; 6 and AT&amp;T"), "5 < 6 and AT&T");
}

// ---- Agreement with the expected parses shipped with two feed parsers ----------------------

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::u32string code_points(std::string_view utf8) {
  std::u32string result;
  for (size_t i = 0; i < utf8.size();) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    const int length = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    char32_t value = length == 1 ? c : c & (0x3F >> (length - 1));
    for (int k = 1; k < length && i + k < utf8.size(); ++k) value = (value << 6) | (utf8[i + k] & 0x3F);
    result += value;
    i += length;
  }
  return result;
}

std::string collapse(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Expected titles are compared as a reader should show them (rss-parser leaves entities and tags
// in titles); a U+FFFD in the expected text (the other parser's failed decoding) matches any
// one character.
bool same_title(const std::string& ours, const std::string& expected) {
  const std::u32string a = code_points(collapse(html_fragment_text(ours)));
  const std::u32string b = code_points(collapse(html_fragment_text(expected)));
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i] && b[i] != U'\uFFFD') return false;
  return true;
}

// Equal, equal but for letter case (host names), or the expected link is relative and ours is
// the same link resolved.
bool same_link(const std::string& ours, const std::string& expected) {
  if (ours == expected || storyline::lower_ascii(ours) == storyline::lower_ascii(expected)) return true;
  return !expected.empty() && expected[0] == '/' && ours.ends_with(expected);
}

struct ExpectedItem {
  std::string title, link, date;
};

struct Tally {
  int feeds = 0, feeds_count_agree = 0, items_expected = 0, items_read = 0;
  int titles = 0, titles_agree = 0, links = 0, links_agree = 0, dates = 0, dates_agree = 0;
};

void compare_feed(const fs::path& feed_path, const std::vector<ExpectedItem>& expected, Tally& tally,
                  std::vector<std::string>& disagreements) {
  std::vector<Document> documents;
  try {
    documents = read_documents(RawInput{feed_path.string(), slurp(feed_path), std::nullopt}).documents;
  } catch (const InputError& error) {
    disagreements.push_back(feed_path.filename().string() + ": " + error.what());
  }
  ++tally.feeds;
  tally.items_expected += static_cast<int>(expected.size());
  tally.items_read += static_cast<int>(std::min(documents.size(), expected.size()));
  if (documents.size() == expected.size()) ++tally.feeds_count_agree;
  else
    disagreements.push_back(feed_path.filename().string() + ": " + std::to_string(documents.size()) + " items, expected " +
                            std::to_string(expected.size()));
  for (size_t i = 0; i < expected.size(); ++i) {
    const Document* document = i < documents.size() ? &documents[i] : nullptr;
    const auto& want = expected[i];
    if (!want.title.empty()) {
      ++tally.titles;
      if (document && same_title(document->title.value_or(""), want.title)) ++tally.titles_agree;
      else
        disagreements.push_back(feed_path.filename().string() +
                                " title: " + (document ? document->title.value_or("") : "-") + " | " + want.title);
    }
    if (!want.link.empty()) {
      ++tally.links;
      if (document && same_link(document->url.value_or(""), want.link)) ++tally.links_agree;
    }
    if (!want.date.empty()) {
      ++tally.dates;
      // A date alone (which the contract allows) agrees with midnight of that day.
      const auto wanted = normalize_feed_date(want.date).value_or(want.date);
      const std::string ours = document ? document->published.value_or("") : "";
      if (!ours.empty() && (ours == wanted || (ours.size() == 10 && wanted.starts_with(ours + "T00:00:00"))))
        ++tally.dates_agree;
      else
        disagreements.push_back(feed_path.filename().string() +
                                " date: " + (document ? document->published.value_or("-") : "-") + " | " + want.date);
    }
  }
}

json load_json(const fs::path& path) { return json::parse(text::make_valid_utf8(slurp(path))); }

std::string string_at(const json& object, const char* key) {
  auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

}  // namespace

TEST(FeedReaderShared, AgreesWithExpectedParsesOfFeedRsAndRssParser) {
  STORYLINE_REQUIRE_SHARED(shared);
  const fs::path root = fs::path(shared) / "data/feeds/rss-atom-feed-samples";
  if (!fs::exists(root)) GTEST_SKIP() << root << " is absent";
  Tally tally;
  std::vector<std::string> disagreements;
  // feed-rs: fixture/<kind>/<name>.serde.json beside <name>.xml or <name>.json.
  for (const auto& entry : fs::recursive_directory_iterator(root / "feed-rs")) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with(".serde.json")) continue;
    const std::string stem = name.substr(0, name.size() - std::string(".serde.json").size());
    fs::path feed = entry.path().parent_path() / (stem + ".xml");
    if (!fs::exists(feed)) feed = entry.path().parent_path() / (stem + ".json");
    if (!fs::exists(feed)) continue;
    const json parse = load_json(entry.path());
    std::vector<ExpectedItem> expected;
    for (const auto& item : parse.value("entries", json::array())) {
      ExpectedItem want;
      if (item.contains("title") && item["title"].is_object()) want.title = string_at(item["title"], "content");
      if (item.contains("links") && item["links"].is_array() && !item["links"].empty())
        want.link = string_at(item["links"][0], "href");
      want.date = string_at(item, "published");
      if (want.date.empty()) want.date = string_at(item, "updated");
      expected.push_back(want);
    }
    compare_feed(feed, expected, tally, disagreements);
  }
  // rss-parser: test/output/<name>.json for test/input/<name>.<ext>.
  for (const auto& entry : fs::directory_iterator(root / "rss-parser/test/output")) {
    const std::string stem = entry.path().stem().string();
    fs::path feed;
    for (const auto& input : fs::directory_iterator(root / "rss-parser/test/input"))
      if (input.path().stem() == stem) feed = input.path();
    if (feed.empty()) continue;
    const json parse = load_json(entry.path());
    std::vector<ExpectedItem> expected;
    for (const auto& item : parse["feed"].value("items", json::array()))
      expected.push_back({string_at(item, "title"), string_at(item, "link"), string_at(item, "isoDate")});
    compare_feed(feed, expected, tally, disagreements);
  }
  auto rate = [](int agree, int total) { return total ? 100.0 * agree / total : 0.0; };
  std::cout << "feed agreement: " << tally.feeds << " feeds, item count equal in " << tally.feeds_count_agree << " ("
            << rate(tally.feeds_count_agree, tally.feeds) << "%); items read " << tally.items_read << "/"
            << tally.items_expected << "; titles " << tally.titles_agree << "/" << tally.titles << " ("
            << rate(tally.titles_agree, tally.titles) << "%); links " << tally.links_agree << "/" << tally.links << " ("
            << rate(tally.links_agree, tally.links) << "%); dates " << tally.dates_agree << "/" << tally.dates << " ("
            << rate(tally.dates_agree, tally.dates) << "%)\n";
  for (size_t i = 0; i < std::min<size_t>(disagreements.size(), 15); ++i) std::cout << "  " << disagreements[i] << "\n";
  ASSERT_GE(tally.feeds, 80);
  EXPECT_GE(rate(tally.feeds_count_agree, tally.feeds), 95.0);
  EXPECT_GE(rate(tally.titles_agree, tally.titles), 98.0);
  // Links differ by design where a feed gives feedburner:origLink (we keep the publisher's URL,
  // the expected parses keep the feedproxy redirect).
  EXPECT_GE(rate(tally.links_agree, tally.links), 90.0);
  EXPECT_GE(rate(tally.dates_agree, tally.dates), 98.0);
}

TEST(FeedReaderShared, ExtractCommandReadsTheWholeFeedsFolder) {
  STORYLINE_REQUIRE_SHARED(shared);
  const fs::path root = fs::path(shared) / "data/feeds/rss-atom-feed-samples";
  if (!fs::exists(root)) GTEST_SKIP() << root << " is absent";
  std::set<std::string> feeds;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const std::string name = entry.path().filename().string();
    const bool expected_parse = name.ends_with(".serde.json") || entry.path().parent_path().filename() == "output";
    if (!entry.is_regular_file() || expected_parse) continue;
    const std::string extension = entry.path().extension().string();
    if (extension == ".xml" || extension == ".rss" || extension == ".atom" || extension == ".json")
      feeds.insert(entry.path().string());
  }
  const auto result = storyline::testing::run_storyline({"extract", "--threads", "2", root.string()});
  // 0 or 1 (some inputs rejected, like the deliberately invalid fixture); never a crash.
  ASSERT_TRUE(result.exit_code == 0 || result.exit_code == 1) << result.exit_code << "\n" << result.err;
  // Under the sanitizer presets a report also exits with 1: it must not be there.
  EXPECT_EQ(result.err.find("Sanitizer"), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find("runtime error"), std::string::npos) << result.err;
  std::set<std::string> with_documents;
  std::istringstream lines(result.out);
  std::string line;
  size_t documents = 0;
  while (std::getline(lines, line)) {
    const json document = json::parse(line);
    ++documents;
    with_documents.insert(document.at("source").get<std::string>());
  }
  size_t feeds_with_documents = 0;
  for (const auto& feed : feeds) feeds_with_documents += with_documents.count(feed);
  std::cout << "extract over the feeds folder: " << documents << " documents; " << feeds_with_documents << " of "
            << feeds.size() << " feed files gave documents\n";
  EXPECT_GE(feeds_with_documents * 100, feeds.size() * 90);
  EXPECT_GE(documents, 1000u);
}
