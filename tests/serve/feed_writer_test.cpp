// Atom and JSON Feed from one model: markup, quotes, control characters and broken UTF-8 in any
// text still give a document a strict parser reads back as written.
#include "storyline/serve/feed_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "serve/parsed_atom.h"

using namespace storyline::serve;
using nlohmann::json;
using storyline::testing::parse_atom;

namespace {

Feed one_entry_feed(const std::string& title) {
  Feed feed;
  feed.id = "urn:storyline:feed:top";
  feed.title = "Top stories — Storyline";
  feed.self_link = "http://127.0.0.1:8080/feeds/top.atom?limit=5&language=en";
  feed.page_link = "http://127.0.0.1:8080/";
  feed.updated = "2021-10-09T09:07:00Z";
  FeedEntry entry;
  entry.id = "urn:storyline:story:story-1";
  entry.title = title;
  entry.link = "http://127.0.0.1:8080/#/story/story-1";
  entry.external_link = "https://example.com/a?b=1&c=2";
  entry.updated = "2021-10-09T09:07:00Z";
  entry.published = "2021-10-08T20:00:00Z";
  entry.authors = {"Jane Doe & \"Partners\"", "BBC News"};
  entry.summary = "First bullet <b>bold</b>\nSecond bullet";
  entry.language = "en";
  entry.categories = {"society"};
  feed.entries.push_back(entry);
  return feed;
}

}  // namespace

TEST(FeedWriter, MarkupAndQuotesInTitlesComeBackAsWritten) {
  const std::string title = "Rates <rise> & \"bonds\" 'fall' </title></entry>";
  const auto parsed = parse_atom(write_atom(one_entry_feed(title)));
  ASSERT_TRUE(parsed) << write_atom(one_entry_feed(title));
  ASSERT_EQ(parsed->entries.size(), 1u);
  EXPECT_EQ(parsed->entries[0].title, title);
  EXPECT_EQ(parsed->entries[0].authors, (std::vector<std::string>{"Jane Doe & \"Partners\"", "BBC News"}));
  EXPECT_EQ(parsed->entries[0].summary, "First bullet <b>bold</b>\nSecond bullet");
  EXPECT_EQ(parsed->self_link, "http://127.0.0.1:8080/feeds/top.atom?limit=5&language=en");
  EXPECT_EQ(parsed->id, "urn:storyline:feed:top");
  EXPECT_EQ(parsed->updated, "2021-10-09T09:07:00Z");
}

TEST(FeedWriter, ControlCharactersXmlForbidsAreDroppedNotWritten) {
  // U+0001, U+001F, U+FFFE and a lone byte that is no UTF-8; tab and newline are XML text.
  const std::string title = "Bad\x01 bytes\x1f here\xEF\xBF\xBE and \xFF there\tend";
  const std::string atom = write_atom(one_entry_feed(title));
  const auto parsed = parse_atom(atom);
  ASSERT_TRUE(parsed) << atom;
  EXPECT_EQ(parsed->entries[0].title, "Bad bytes here and \xEF\xBF\xBD there\tend");
  EXPECT_EQ(atom.find('\x01'), std::string::npos);
}

TEST(FeedWriter, JsonFeedHasTheVersionAndEveryItemHasContent) {
  Feed feed = one_entry_feed("Title \x01 with \"quotes\"");
  FeedEntry bare;
  bare.id = "urn:storyline:article:a%2Fb";
  bare.title = "No summary";
  bare.link = "http://127.0.0.1:8080/#/article/a%2Fb";
  bare.updated = "2021-10-09T09:07:00Z";
  feed.entries.push_back(bare);
  const json value = json::parse(write_json_feed(feed));
  EXPECT_EQ(value.at("version"), "https://jsonfeed.org/version/1.1");
  EXPECT_EQ(value.at("feed_url"), feed.self_link);
  const json& items = value.at("items");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("id"), "urn:storyline:story:story-1");
  EXPECT_EQ(items[0].at("title"), "Title \x01 with \"quotes\"") << "JSON escapes what XML cannot carry";
  EXPECT_EQ(items[0].at("external_url"), "https://example.com/a?b=1&c=2");
  EXPECT_EQ(items[0].at("date_published"), "2021-10-08T20:00:00Z");
  EXPECT_EQ(items[0].at("authors")[1].at("name"), "BBC News");
  EXPECT_EQ(items[1].at("content_text"), "No summary") << "an item without a summary still has content";
  EXPECT_FALSE(items[1].contains("authors"));
}

TEST(FeedWriter, AnEmptyFeedIsStillAFeed) {
  Feed feed = one_entry_feed("");
  feed.entries.clear();
  const auto parsed = parse_atom(write_atom(feed));
  ASSERT_TRUE(parsed);
  EXPECT_TRUE(parsed->entries.empty());
  EXPECT_TRUE(json::parse(write_json_feed(feed)).at("items").empty());
}
