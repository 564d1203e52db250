// The store's live sources: one per feed URL, their fetch state kept exactly, due order, items
// seen (from any source, or as a stored document's URL), and removal taking their items along.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "storyline/store/sqlite_store.h"
#include "temp_store.h"

using namespace storyline;
using namespace storyline::store;

namespace {

SourceRecord feed(const std::string& url) {
  SourceRecord source;
  source.url = url;
  source.name = "Feed " + url;
  source.category = "World/Europe";
  return source;
}

}  // namespace

TEST(SourceTable, OneSourcePerUrlAndStateRoundTrips) {
  storyline::testing::TempStore temp{"sources-store"};
  SqliteStore store(temp.path);
  SourceRecord a = feed("https://a.example/feed");
  EXPECT_EQ(store.sources().add(a), SourceAdded::kAdded);
  EXPECT_GT(a.id, 0);
  EXPECT_FALSE(a.added_at.empty());
  SourceRecord again = feed("https://a.example/feed");
  again.name = "Other name";
  EXPECT_EQ(store.sources().add(again), SourceAdded::kAlreadyPresent);
  EXPECT_EQ(again.id, a.id);
  EXPECT_EQ(again.name, "Feed https://a.example/feed");  // the existing one is kept as it was

  SourceFetchState state;
  state.last_fetch_at = 1700000000;
  state.last_status = 200;
  state.last_outcome = kOutcomeOk;
  state.etag = "W/\"abc\"";
  state.last_modified = "Wed, 31 Jan 2018 20:15:15 GMT";
  state.consecutive_errors = 3;
  state.last_error = "HTTP 503";
  state.last_attempts = 2;
  state.items_seen = 42;
  state.next_due_at = 1700001800;
  store.sources().save_state(a.id, state);
  {
    SqliteStore reopened(temp.path);
    const auto back = reopened.sources().get(a.id);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->category, "World/Europe");
    EXPECT_EQ(back->state.last_fetch_at, 1700000000);
    EXPECT_EQ(back->state.last_status, 200);
    EXPECT_EQ(back->state.last_outcome, "ok");
    EXPECT_EQ(back->state.etag, "W/\"abc\"");
    EXPECT_EQ(back->state.last_modified, "Wed, 31 Jan 2018 20:15:15 GMT");
    EXPECT_EQ(back->state.consecutive_errors, 3);
    EXPECT_EQ(back->state.last_error, "HTTP 503");
    EXPECT_EQ(back->state.last_attempts, 2);
    EXPECT_EQ(back->state.items_seen, 42);
    EXPECT_EQ(back->state.next_due_at, 1700001800);
  }
}

TEST(SourceTable, DueSourcesSoonestFirst) {
  storyline::testing::TempStore temp{"sources-store"};
  SqliteStore store(temp.path);
  SourceRecord late = feed("https://late.example/feed"), early = feed("https://early.example/feed"),
               fresh = feed("https://fresh.example/feed");
  store.sources().add(late);
  store.sources().add(early);
  store.sources().add(fresh);
  SourceFetchState state;
  state.next_due_at = 2000;
  store.sources().save_state(late.id, state);
  state.next_due_at = 1000;
  store.sources().save_state(early.id, state);
  const auto due = store.sources().due(1500);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].url, "https://fresh.example/feed");  // never fetched: due at once
  EXPECT_EQ(due[1].url, "https://early.example/feed");
  EXPECT_EQ(store.sources().due(2000).size(), 3u);
  EXPECT_EQ(store.sources().all().size(), 3u);
}

TEST(SourceTable, ItemsSeenFromAnySourceOrAsStoredDocuments) {
  storyline::testing::TempStore temp{"sources-store"};
  SqliteStore store(temp.path);
  SourceRecord a = feed("https://a.example/feed"), b = feed("https://b.example/feed");
  store.sources().add(a);
  store.sources().add(b);
  Document document;
  document.id = "doc-1";
  document.source = "test";
  document.url = "https://news.example/stored";
  document.title = "Stored";
  document.text = "Stored text.";
  store.documents().upsert(document);
  EXPECT_TRUE(store.sources().item_known("https://news.example/stored"));
  EXPECT_FALSE(store.sources().item_known("https://news.example/new"));
  store.sources().record_item(a.id, "https://news.example/new", "doc-2");
  store.sources().record_item(a.id, "https://news.example/new", "doc-2");  // twice is once
  EXPECT_TRUE(store.sources().item_known("https://news.example/new"));
  EXPECT_TRUE(store.sources().remove(a.id));
  EXPECT_FALSE(store.sources().remove(a.id));
  // Its items went with it; documents stay.
  EXPECT_FALSE(store.sources().item_known("https://news.example/new"));
  EXPECT_TRUE(store.documents().get("doc-1"));
  EXPECT_EQ(store.sources().all().size(), 1u);
  EXPECT_EQ(store.integrity_check(), "ok");
}
