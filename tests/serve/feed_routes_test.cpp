// GET /feeds/...: Atom and JSON Feed of the front page, a category, a story and a search, read
// back as a feed reader would: the right content type, well-formed, and ids and times that do not
// change unless the story does.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "serve/parsed_atom.h"
#include "serve/running_server.h"
#include "storyline/serve/http_server.h"
#include "storyline/store/store.h"
#include "temp_store.h"

using namespace storyline::serve;
using nlohmann::json;
using storyline::testing::parse_atom;
using storyline::testing::ParsedAtom;
using storyline::testing::RunningServer;

namespace {

// Three reports of one earthquake (one story) and one of something else.
std::string quake_page(const std::string& title, const std::string& published, const std::string& body) {
  return "<html><head><title>" + title + "</title><meta property=\"article:published_time\" content=\"" + published +
         "\"></head><body><article><h1>" + title + "</h1>" + body + "</article></body></html>";
}
const std::string kQuake1 = quake_page(
    "Magnitude 7.1 earthquake strikes near Ridgecrest", "2019-07-06T04:20:00Z",
    "<p>A magnitude 7.1 earthquake struck near Ridgecrest in Southern California on Friday night, the US Geological "
    "Survey said.</p><p>Kern County fire officials reported damaged buildings in Ridgecrest and Trona.</p>");
const std::string kQuake2 = quake_page(
    "Strong quake rattles Southern California, Ridgecrest hit hardest", "2019-07-06T06:00:00Z",
    "<p>The 7.1 quake centred near Ridgecrest shook Los Angeles, the USGS said.</p><p>Kern County sheriff said fires "
    "broke out in Ridgecrest and gas lines ruptured in Trona.</p>");
const std::string kQuake3 = quake_page(
    "Ridgecrest cleans up after 7.1 earthquake as aftershocks continue", "2019-07-06T09:30:00Z",
    "<p>Residents of Ridgecrest and Trona cleaned up on Saturday after the magnitude 7.1 earthquake, as the US "
    "Geological Survey recorded thousands of aftershocks.</p><p>Kern County fire officials said gas lines ruptured "
    "and buildings were damaged in Ridgecrest.</p>");

void put(httplib::Client& client, const std::string& name, const std::string& html) {
  const auto answer = client.Put("/" + name, html, "text/html");
  ASSERT_TRUE(answer);
  ASSERT_LT(answer->status, 300) << answer->body;
}

std::string first_story_id(httplib::Client& client) {
  const auto answer = client.Get("/api/stories?limit=1");
  if (!answer || answer->status != 200) return "";
  const json stories = json::parse(answer->body).at("stories");
  return stories.empty() ? "" : stories[0].at("id").get<std::string>();
}

ParsedAtom fetch_atom(httplib::Client& client, const std::string& path) {
  const auto answer = client.Get(path);
  EXPECT_TRUE(answer) << path;
  if (!answer) return {};
  EXPECT_EQ(answer->status, 200) << path << ": " << answer->body;
  const auto parsed = parse_atom(answer->body);
  EXPECT_TRUE(parsed) << path << " is no well-formed Atom feed:\n" << answer->body;
  return parsed.value_or(ParsedAtom{});
}

}  // namespace

TEST(FeedRoutes, EveryFeedAnswersInItsFormat) {
  RunningServer server;
  auto client = server.client();
  put(client, "quake-1.html", kQuake1);
  put(client, "quake-2.html", kQuake2);
  const std::string story = first_story_id(client);
  ASSERT_FALSE(story.empty());
  const std::string category = json::parse(client.Get("/api/stories/" + story)->body).at("category");
  for (const std::string& path :
       {std::string("/feeds/top"), "/feeds/category/" + category, "/feeds/story/" + story, std::string("/feeds/search")}) {
    const std::string query = path == "/feeds/search" ? "?q=Ridgecrest" : "";
    const auto atom = client.Get(path + ".atom" + query);
    ASSERT_TRUE(atom);
    ASSERT_EQ(atom->status, 200) << path << ": " << atom->body;
    EXPECT_EQ(atom->get_header_value("Content-Type"), "application/atom+xml; charset=utf-8");
    const auto parsed = parse_atom(atom->body);
    ASSERT_TRUE(parsed) << atom->body;
    EXPECT_FALSE(parsed->entries.empty()) << path;
    EXPECT_EQ(parsed->self_link.find("http://127.0.0.1:"), 0u) << "links name the host asked at";

    const auto feed = client.Get(path + ".json" + query);
    ASSERT_TRUE(feed);
    ASSERT_EQ(feed->status, 200) << path << ": " << feed->body;
    EXPECT_EQ(feed->get_header_value("Content-Type"), "application/feed+json; charset=utf-8");
    const json value = json::parse(feed->body);
    EXPECT_EQ(value.at("version"), "https://jsonfeed.org/version/1.1");
    ASSERT_EQ(value.at("items").size(), parsed->entries.size()) << path << ": both formats list the same entries";
    for (size_t i = 0; i < parsed->entries.size(); ++i) EXPECT_EQ(value["items"][i].at("id"), parsed->entries[i].id);
  }
  // The front page's story entry links to the story in the web page.
  const ParsedAtom top = fetch_atom(client, "/feeds/top.atom");
  ASSERT_EQ(top.entries.size(), 1u);
  EXPECT_NE(top.entries[0].link.find("/#/story/" + story), std::string::npos) << top.entries[0].link;
  EXPECT_EQ(top.entries[0].updated, "2019-07-06T06:00:00Z") << "the story's last_published";
  EXPECT_FALSE(top.entries[0].summary.empty()) << "the overview's bullets";
}

TEST(FeedRoutes, StoryFeedGainsAnEntryWhenAnArticleJoins) {
  RunningServer server;
  auto client = server.client();
  put(client, "quake-1.html", kQuake1);
  put(client, "quake-2.html", kQuake2);
  const std::string story = first_story_id(client);
  ASSERT_FALSE(story.empty());
  const ParsedAtom before = fetch_atom(client, "/feeds/story/" + story + ".atom");
  ASSERT_EQ(before.entries.size(), 2u);
  EXPECT_EQ(before.entries[0].updated, "2019-07-06T06:00:00Z") << "newest first";
  EXPECT_NE(before.entries[0].link.find("/#/article/quake-2.html"), std::string::npos) << before.entries[0].link;

  put(client, "quake-3.html", kQuake3);
  ASSERT_EQ(json::parse(client.Get("/api/articles/quake-3.html")->body).at("title"),
            "Ridgecrest cleans up after 7.1 earthquake as aftershocks continue");
  const ParsedAtom after = fetch_atom(client, "/feeds/story/" + story + ".atom");
  ASSERT_EQ(after.entries.size(), 3u) << "the third report joined the story";
  EXPECT_EQ(after.id, before.id);
  EXPECT_GE(after.updated, before.updated);
  EXPECT_EQ(after.updated, "2019-07-06T09:30:00Z");
  EXPECT_EQ(after.entries[0].title, "Ridgecrest cleans up after 7.1 earthquake as aftershocks continue");
  EXPECT_EQ(after.entries[1].id, before.entries[0].id) << "the earlier entries keep their ids";
  EXPECT_EQ(after.entries[1].updated, before.entries[0].updated);
  EXPECT_EQ(after.entries[2].id, before.entries[1].id);
}

TEST(FeedRoutes, IdsAndTimesDoNotChangeBetweenFetchesOrHostNames) {
  ServerOptions options = RunningServer::small_server();
  options.allowed_hosts = {"news.example"};  // the name a proxy would forward
  RunningServer server(options);
  auto client = server.client();
  put(client, "quake-1.html", kQuake1);
  // An article with no date at all is dated by its arrival, which stays put.
  const auto undated = client.Post("/api/articles",
                                   json{{"id", "undated-1"},
                                        {"title", "Harbour authority opens new breakwater"},
                                        {"text", "The harbour authority opened the new breakwater on Tuesday."}}
                                       .dump(),
                                   "application/json");
  ASSERT_EQ(undated->status, 201) << undated->body;
  const ParsedAtom first = fetch_atom(client, "/feeds/search.atom?q=breakwater");
  ASSERT_EQ(first.entries.size(), 1u);
  EXPECT_FALSE(first.entries[0].updated.empty());
  const ParsedAtom top = fetch_atom(client, "/feeds/top.atom");
  // Another write makes every cached answer stale: the next fetch is computed again.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  put(client, "other.html",
      quake_page("Parliament passes budget", "2019-07-07T10:00:00Z",
                 "<p>Parliament passed the budget on Sunday after a long debate.</p>"));
  const ParsedAtom again = fetch_atom(client, "/feeds/search.atom?q=breakwater");
  ASSERT_EQ(again.entries.size(), 1u);
  EXPECT_EQ(again.id, first.id);
  EXPECT_EQ(again.entries[0].id, first.entries[0].id);
  EXPECT_EQ(again.entries[0].updated, first.entries[0].updated) << "an unchanged entry keeps its time";
  EXPECT_EQ(again.updated, first.updated);

  // Asked at another host name: links follow it, ids do not.
  const auto elsewhere = client.Get("/feeds/top.atom", {{"Host", "news.example:8080"}});
  ASSERT_TRUE(elsewhere);
  const auto moved = parse_atom(elsewhere->body);
  ASSERT_TRUE(moved);
  ASSERT_FALSE(top.entries.empty());
  EXPECT_EQ(moved->self_link, "http://news.example:8080/feeds/top.atom");
  bool found = false;
  for (const auto& entry : moved->entries)
    if (entry.id == top.entries[0].id) {
      found = true;
      EXPECT_EQ(entry.updated, top.entries[0].updated);
      EXPECT_EQ(entry.link.find("http://news.example:8080/#/story/"), 0u) << entry.link;
    }
  EXPECT_TRUE(found) << "the same story is the same entry at any host name";
}

TEST(FeedRoutes, UnknownStoryCategoryOrMissingQueryAreErrors) {
  RunningServer server;
  auto client = server.client();
  put(client, "quake-1.html", kQuake1);
  for (const char* format : {".atom", ".json"}) {
    EXPECT_EQ(client.Get(std::string("/feeds/story/no-such-story") + format)->status, 404);
    const auto category = client.Get(std::string("/feeds/category/gossip") + format);
    EXPECT_EQ(category->status, 400);
    EXPECT_EQ(json::parse(category->body), json::parse(client.Get("/api/stories?category=gossip")->body))
        << "the same answer as /api/stories";
    EXPECT_EQ(client.Get(std::string("/feeds/search") + format)->status, 400);
    EXPECT_EQ(client.Get(std::string("/feeds/search") + format + "?q=")->status, 400);
    EXPECT_EQ(client.Get(std::string("/feeds/search") + format + "?q=%22unterminated")->status, 400);
    EXPECT_EQ(client.Get(std::string("/feeds/top") + format + "?limit=0")->status, 400);
  }
  EXPECT_EQ(client.Get("/feeds/top.rss")->status, 404);
  // An empty category is a feed with no entries, not an error.
  const ParsedAtom empty = fetch_atom(client, "/feeds/category/sports.atom");
  EXPECT_TRUE(empty.entries.empty());
  EXPECT_EQ(empty.updated, "1970-01-01T00:00:00Z");
}

TEST(FeedRoutes, TitleWithMarkupQuotesAndControlCharactersIsWellFormed) {
  RunningServer server;
  auto client = server.client();
  const std::string title = "Rates <rise> & \"bonds\" 'fall'\x01 as markets\x1f wait";
  const auto posted = client.Post("/api/articles",
                                  json{{"id", "markup-1"},
                                       {"title", title},
                                       {"url", "https://example.com/markets?a=1&b=2"},
                                       {"published", "2021-10-09T09:07:00Z"},
                                       {"text", "Markets waited for the central bank's decision on rates & bonds."}}
                                      .dump(),
                                  "application/json");
  ASSERT_EQ(posted->status, 201) << posted->body;
  // The title as stored (ingest may tidy it), less what XML 1.0 cannot carry.
  std::string expected = json::parse(client.Get("/api/articles/markup-1")->body).at("title");
  std::erase_if(expected, [](char c) { return c == '\x01' || c == '\x1f'; });
  const std::string story = first_story_id(client);
  ASSERT_FALSE(story.empty());
  for (const std::string& path :
       {"/feeds/story/" + story + ".atom", std::string("/feeds/search.atom?q=markets"), std::string("/feeds/top.atom")}) {
    const ParsedAtom feed = fetch_atom(client, path);
    ASSERT_EQ(feed.entries.size(), 1u) << path;
    EXPECT_EQ(feed.entries[0].title, expected) << path;
  }
  const json items = json::parse(client.Get("/feeds/story/" + story + ".json")->body).at("items");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("external_url"), "https://example.com/markets?a=1&b=2");
}

// Ingest drops control characters, but a store written otherwise (an older build, another tool)
// can still hold them: the feed leaves them out rather than write XML no reader accepts.
TEST(FeedRoutes, ControlCharactersInTheStoreNeverReachTheFeed) {
  const std::string title = "Rates <rise> & \"bonds\"\x01 fall\x1f today";
  RunningServer server(RunningServer::small_server(), [&](const std::string& db) {
    const auto opened = storyline::store::open_store(db);
    storyline::store::Store& store = *opened;
    storyline::Document article;
    article.id = "raw-1";
    article.source = "test";
    article.title = title;
    article.author = "Jane\x02 Doe";
    article.text = "Bond yields rose\x03 on Monday.";
    article.published = "2021-10-09T09:07:00Z";
    article.language = "en";
    article.is_news = true;
    store.documents().upsert(article);
    store.stories().move_article_with_copies("raw-1", "story-raw-1");
    storyline::Story story;
    story.id = "story-raw-1";
    story.storyline_id = "storyline-raw-1";
    story.title = title;
    story.first_published = story.last_published = storyline::Timestamp::parse(article.published);
    story.article_count = story.publisher_count = 1;
    story.overview.bullets.push_back({"Yields\x04 rose.", {}, {}});
    story.overview.publishers.push_back("Markets\x05 Daily");
    store.stories().save(story);
  });
  auto client = server.client();
  const std::string clean = "Rates <rise> & \"bonds\" fall today";
  const ParsedAtom top = fetch_atom(client, "/feeds/top.atom");
  ASSERT_EQ(top.entries.size(), 1u);
  EXPECT_EQ(top.entries[0].title, clean);
  EXPECT_EQ(top.entries[0].summary, "Yields rose.");
  EXPECT_EQ(top.entries[0].authors, std::vector<std::string>{"Markets Daily"});
  const ParsedAtom story = fetch_atom(client, "/feeds/story/story-raw-1.atom");
  ASSERT_EQ(story.entries.size(), 1u);
  EXPECT_EQ(story.entries[0].title, clean);
  EXPECT_EQ(story.entries[0].authors, std::vector<std::string>{"Jane Doe"});
  EXPECT_EQ(story.title, clean + " — Storyline");
  EXPECT_EQ(fetch_atom(client, "/feeds/search.atom?q=bonds").entries.size(), 1u);
  json feed;  // kept: json::parse is [[nodiscard]], and a (void) cast does not quiet gcc
  EXPECT_NO_THROW(feed = json::parse(client.Get("/feeds/story/story-raw-1.json")->body));
}
