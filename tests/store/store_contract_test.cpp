// What every store implementation promises (store.h), checked on each: the embedded SQLite store
// and the PostgreSQL store, which give the same answers for the same data.
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "postgres_server.h"
#include "storyline/store/store.h"
#include "temp_store.h"

using namespace storyline;
using namespace storyline::store;

namespace {

Document document(const std::string& id, const std::string& title, const std::string& text,
                  const std::optional<std::string>& published = std::nullopt) {
  Document d;
  d.id = id;
  d.source = "test";
  d.url = "https://example.org/" + id;
  d.title = title;
  d.text = text;
  d.published = published;
  d.language = "en";
  d.domain = "example.org";
  d.category = "society";
  d.entities = {{"Doha", "location"}};
  d.topics = {"Diplomacy"};
  return d;
}

class StoreContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "sqlite") {
      file_ = std::make_unique<storyline::testing::TempStore>("contract");
      address_ = file_->path;
    } else {
      std::string why_not;
      const auto address = storyline::testing::fresh_postgres_database(why_not);
      if (!address) GTEST_SKIP() << why_not;
      address_ = *address;
    }
    store_ = open_store(address_);
  }
  Store& store() { return *store_; }

  std::unique_ptr<storyline::testing::TempStore> file_;
  std::string address_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreContract, DocumentsKeepTheirVersionsAndReadBackWhole) {
  Document first = document("a", "Talks resume in Doha", "Envoys met in Doha on Saturday.", "2021-10-09T09:07:00Z");
  first.is_news = true;
  EXPECT_EQ(store().documents().upsert(first).outcome, UpsertOutcome::kInserted);
  EXPECT_EQ(store().documents().upsert(first).outcome, UpsertOutcome::kUnchanged);
  Document second = first;
  second.text = "Envoys met in Doha on Saturday and Sunday.";
  const UpsertResult updated = store().documents().upsert(second);
  EXPECT_EQ(updated.outcome, UpsertOutcome::kUpdated);
  EXPECT_EQ(updated.version, 2);
  const auto read = store().documents().get("a");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->text, second.text);
  EXPECT_EQ(read->published, "2021-10-09T09:07:00Z");
  EXPECT_EQ(read->is_news, true);
  ASSERT_EQ(read->entities.size(), 1u);
  EXPECT_EQ(read->entities[0].text, "Doha");
  EXPECT_EQ(read->topics, std::vector<std::string>{"Diplomacy"});
  EXPECT_TRUE(store().documents().ingested_at("a"));
  EXPECT_FALSE(store().documents().get("missing"));
  EXPECT_EQ(store().documents().count(), 1u);
  EXPECT_THROW(store().documents().upsert(Document{}), std::invalid_argument);
  EXPECT_EQ(store().schema_version(), 10);
  EXPECT_EQ(store().integrity_check(), "ok");
}

TEST_P(StoreContract, RemovingAnArticleMakesItsFirstCopyTheArticle) {
  for (const char* id : {"a", "copy-1", "copy-2"}) store().documents().upsert(document(id, "Same", "Same text."));
  store().fingerprints().set_duplicate_of("copy-1", "a");
  store().fingerprints().set_duplicate_of("copy-2", "a");
  store().stories().move_article_with_copies("a", "story-a");
  EXPECT_EQ(store().stories().story_of("copy-2"), "story-a") << "the copies move with their article";
  std::string promoted;
  EXPECT_TRUE(store().documents().remove("a", &promoted));
  EXPECT_EQ(promoted, "copy-1");
  EXPECT_EQ(store().fingerprints().duplicate_of("copy-1"), std::nullopt);
  EXPECT_EQ(store().fingerprints().duplicate_of("copy-2"), "copy-1");
  EXPECT_EQ(store().fingerprints().original_of("copy-2"), "copy-1");
  EXPECT_FALSE(store().fingerprints().original_of("a"));
  EXPECT_FALSE(store().documents().remove("a"));
}

TEST_P(StoreContract, FingerprintsComeBackInTheOrderSaved) {
  for (const char* id : {"b", "a", "c"}) {
    store().documents().upsert(document(id, id, id));
    store().fingerprints().save({id, 0xFFFFFFFFFFFFFFF0ull, std::string("\0\x01\xff", 3) + id, 2});
  }
  std::vector<StoredFingerprint> read;
  store().fingerprints().for_each([&](StoredFingerprint&& fingerprint) { read.push_back(fingerprint); });
  ASSERT_EQ(read.size(), 3u);
  EXPECT_EQ(read[0].document_id, "b");
  EXPECT_EQ(read[2].document_id, "c");
  EXPECT_EQ(read[1].exact_hash, 0xFFFFFFFFFFFFFFF0ull) << "all 64 bits";
  EXPECT_EQ(read[1].signature, std::string("\0\x01\xff", 3) + "a") << "bytes, zeros included";
  EXPECT_EQ(read[1].scheme, 2);
}

TEST_P(StoreContract, SearchFindsFiltersAndRefuses) {
  store().documents().upsert(
      document("a", "Taliban talks resume", "Envoys met the Taliban in Doha.", "2021-10-09T09:07:00Z"));
  store().documents().upsert(document("b", "Rates rise", "The central bank raised rates.", "2021-10-10T09:00:00+03:00"));
  const auto hits = store().documents().search("Taliban");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].document.id, "a");
  EXPECT_NE(hits[0].snippet.find("<b>Taliban</b>"), std::string::npos) << hits[0].snippet;
  SearchFilters since;
  since.since = 1633856400 - 3 * 3600;  // 2021-10-10T06:00Z, when b was published (+03:00 counted)
  EXPECT_EQ(store().documents().search("rates OR Taliban", since).size(), 1u);
  SearchFilters entity;
  entity.entity = "Doha";
  EXPECT_EQ(store().documents().search("rates OR Taliban", entity).size(), 2u);
  EXPECT_EQ(store().documents().search("rates OR Taliban").size(), 2u);
  EXPECT_EQ(store().documents().search("Doha NOT bank").size(), 1u) << "FTS5's NOT, on each store";
  EXPECT_EQ(store().documents().search("Doha AND Envoys").size(), 1u);
  EXPECT_EQ(store().documents().search("\"met the Taliban\"").size(), 1u);
  EXPECT_TRUE(store().documents().search("\"Taliban met\"").empty()) << "a phrase is in order";
  EXPECT_THROW(store().documents().search("\"unterminated"), std::invalid_argument);
  EXPECT_THROW(store().documents().search(std::string(600, 'a')), std::invalid_argument);
}

TEST_P(StoreContract, StoriesListFilterPageAndSearch) {
  Story hot, cold;
  hot.id = "story-a";
  hot.storyline_id = "storyline-a";
  hot.title = "Taliban talks resume";
  hot.language = "en";
  hot.category = "society";
  hot.last_published = Timestamp::parse("2021-10-09T09:07:00Z");
  hot.heat_rank = 5;
  hot.summary_text = "Envoys met in Doha.\n";
  hot.overview.bullets.push_back({"Envoys met in Doha.", {"Dawn"}, {"a"}});
  hot.overview.quotes.push_back({"We are ready", "Mujahid", std::nullopt, false, "Al Arabiya", std::nullopt, "a", "Dawn"});
  cold = hot;
  cold.id = "story-b";
  cold.storyline_id = "storyline-b";
  cold.title = "Rates rise";
  cold.language = "de";
  cold.category = "economy";
  cold.heat_rank = 1;
  cold.summary_text = "Rates rose.\n";
  store().stories().save(hot);
  store().stories().save(cold);
  EXPECT_EQ(store().stories().count(), 2u);
  const auto all = store().stories().list({});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, "story-a") << "hottest first";
  EXPECT_EQ(all[0].overview.quotes.at(0).told_to, "Al Arabiya");
  StoryQuery page;
  page.offset = 1;
  EXPECT_EQ(store().stories().list(page).at(0).id, "story-b");
  StoryQuery economy;
  economy.category = "economy";
  EXPECT_EQ(store().stories().list(economy).size(), 1u);
  StoryQuery recent;
  recent.since = 1633770420;
  EXPECT_EQ(store().stories().list(recent).size(), 2u);
  recent.since = 1633770421;
  EXPECT_EQ(store().stories().list(recent).size(), 0u);
  const auto languages = store().stories().languages();
  ASSERT_EQ(languages.size(), 2u);
  const auto found = store().stories().search("Doha");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].story.id, "story-a");
  store().stories().remove("story-b");
  EXPECT_EQ(store().stories().count(), 1u);
  EXPECT_TRUE(store().stories().search("Rates").empty()) << "a removed story is not found";
}

TEST_P(StoreContract, StorylinesMergeWithTheirRelations) {
  Story story;
  story.id = "story-a";
  story.storyline_id = "storyline-a";
  store().stories().save(story);
  store().stories().save_related_storylines("storyline-a", {"storyline-c", "storyline-b"});
  store().stories().save_related_storylines("storyline-b", {"storyline-c"});
  EXPECT_EQ(store().stories().related_storylines("storyline-c"), (std::vector<std::string>{"storyline-a", "storyline-b"}));
  store().stories().rename_storyline("storyline-a", "storyline-b");
  EXPECT_EQ(store().stories().get("story-a")->storyline_id, "storyline-b");
  EXPECT_EQ(store().stories().related_storylines("storyline-b"), std::vector<std::string>{"storyline-c"});
  EXPECT_TRUE(store().stories().related_storylines("storyline-a").empty());
  store().stories().mark_stale({"story-a", "story-z"});
  EXPECT_EQ(store().stories().stale(), (std::vector<std::string>{"story-a", "story-z"}));
  store().stories().clear_stale();
  EXPECT_TRUE(store().stories().stale().empty());
}

TEST_P(StoreContract, AStorylineReadsBackInTheOrderItsEventsBegan) {
  const auto save = [&](std::string id, std::optional<std::string> first, double heat_rank) {
    Story story;
    story.id = std::move(id);
    story.storyline_id = "storyline-talks";
    story.first_published = Timestamp::parse(first);
    story.heat_rank = heat_rank;
    store().stories().save(story);
  };
  save("story-later", "2021-10-09T23:00:00-05:00", 9);  // 04:00 UTC on the 10th
  save("story-undated", std::nullopt, 8);
  save("story-earlier", "2021-10-10T01:00:00Z", 1);
  save("story-first", "2021-08-30", 5);
  const Storyline storyline = read_storyline(store().stories(), "storyline-talks", 10);
  EXPECT_EQ(storyline.id, "storyline-talks");
  std::vector<std::string> order;
  for (const Story& story : storyline.timeline) order.push_back(story.id);
  EXPECT_EQ(order, (std::vector<std::string>{"story-first", "story-earlier", "story-later", "story-undated"}));
  const Storyline hottest = read_storyline(store().stories(), "storyline-talks", 2);
  ASSERT_EQ(hottest.timeline.size(), 2u) << "the hottest stories when it holds more";
  EXPECT_EQ(hottest.timeline[0].id, "story-later");
  EXPECT_EQ(hottest.timeline[1].id, "story-undated");
  EXPECT_TRUE(read_storyline(store().stories(), "storyline-none", 10).timeline.empty());
}

TEST_P(StoreContract, AStorysArticlesCopiesAndCounts) {
  for (const char* id : {"a", "b", "c", "copy"}) store().documents().upsert(document(id, id, std::string("Text ") + id));
  store().fingerprints().set_duplicate_of("copy", "a");
  for (const char* id : {"a", "b", "c"}) store().stories().move_article_with_copies(id, "story-a");
  const auto articles = store().stories().articles("story-a");
  ASSERT_EQ(articles.size(), 3u);
  EXPECT_EQ(articles[0].id, "a") << "arrival order";
  const auto newest = store().stories().articles("story-a", 2);
  ASSERT_EQ(newest.size(), 2u);
  EXPECT_EQ(newest[0].id, "b") << "the newest arrivals, oldest first";
  const auto copies = store().stories().copies_of({"a", "b"});
  ASSERT_EQ(copies.size(), 1u);
  EXPECT_EQ(copies[0].original_id, "a");
  const StoryMemberCounts counts = store().stories().member_counts("story-a");
  EXPECT_EQ(counts.articles, 3u);
  EXPECT_EQ(counts.copies, 1u);
  EXPECT_EQ(store().stories().document_ids("story-a"), (std::vector<std::string>{"a", "b", "c", "copy"}));
  EXPECT_TRUE(store().stories().last_ingested("story-a"));
  std::vector<std::string> walked;
  store().documents().for_each([&](StoredDocument&& stored) {
    walked.push_back(stored.document.id);
    EXPECT_EQ(stored.story_id, "story-a");
  });
  EXPECT_EQ(walked, (std::vector<std::string>{"a", "b", "c", "copy"}));
}

TEST_P(StoreContract, ACopysPublisherIsReadWithoutItsText) {
  for (const char* id : {"a", "b", "copy-1", "copy-2", "copy-3"}) store().documents().upsert(document(id, id, "Text"));
  Document named = document("copy-2", "copy-2", "Text");
  named.url = std::nullopt;
  named.domain = "valley.example";
  named.site_name = "Valley Times";
  store().documents().upsert(named);
  store().fingerprints().set_duplicate_of("copy-1", "a");
  store().fingerprints().set_duplicate_of("copy-2", "b");
  store().fingerprints().set_duplicate_of("copy-3", "a");
  const auto copies = store().stories().copy_publishers({"a", "b"});
  ASSERT_EQ(copies.size(), 3u);
  EXPECT_EQ(copies[0].document.id, "copy-1") << "each article's copies in arrival order, as copies_of";
  EXPECT_EQ(copies[0].original_id, "a");
  EXPECT_EQ(copies[0].document.url, "https://example.org/copy-1");
  EXPECT_EQ(copies[0].document.domain, "example.org");
  EXPECT_FALSE(copies[0].document.text) << "no text read";
  EXPECT_FALSE(copies[0].document.title);
  EXPECT_TRUE(copies[0].document.topics.empty());
  EXPECT_EQ(copies[1].document.id, "copy-3");
  EXPECT_EQ(copies[2].document.id, "copy-2");
  EXPECT_EQ(copies[2].original_id, "b");
  EXPECT_FALSE(copies[2].document.url);
  EXPECT_EQ(copies[2].document.domain, "valley.example");
  EXPECT_EQ(copies[2].document.site_name, "Valley Times");
  const auto bounded = store().stories().copy_publishers({"a", "b"}, 2);
  ASSERT_EQ(bounded.size(), 2u);
  EXPECT_EQ(bounded[1].document.id, "copy-3");
}

TEST_P(StoreContract, ATransactionThatThrowsLeavesNothing) {
  EXPECT_THROW(store().in_transaction([&] {
    store().documents().upsert(document("a", "A", "Text."));
    throw std::runtime_error("no");
  }),
               std::runtime_error);
  EXPECT_EQ(store().documents().count(), 0u);
  store().in_transaction([&] { store().documents().upsert(document("a", "A", "Text.")); });
  EXPECT_EQ(store().documents().count(), 1u);
}

TEST_P(StoreContract, ExpiryListsWhatHasPassed) {
  store().documents().upsert(document("a", "A", "Text."));
  store().documents().upsert(document("b", "B", "Text b."));
  store().documents().set_expiry("a", 100);
  EXPECT_TRUE(store().documents().expired(99).empty());
  EXPECT_EQ(store().documents().expired(100), std::vector<std::string>{"a"});
  EXPECT_EQ(store().documents().newest_published(), std::nullopt);
}

TEST_P(StoreContract, SourcesKeepTheirStateAndItems) {
  SourceRecord source;
  source.url = "https://example.org/feed.xml";
  source.name = "Example";
  EXPECT_EQ(store().sources().add(source), SourceAdded::kAdded);
  EXPECT_GT(source.id, 0);
  SourceRecord again;
  again.url = source.url;
  EXPECT_EQ(store().sources().add(again), SourceAdded::kAlreadyPresent);
  EXPECT_EQ(again.id, source.id);
  SourceFetchState state;
  state.last_fetch_at = 1700000000;
  state.last_status = 200;
  state.etag = "\"v1\"";
  state.next_due_at = 1700000900;
  store().sources().save_state(source.id, state);
  const auto read = store().sources().by_url(source.url);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->state.etag, "\"v1\"");
  EXPECT_EQ(read->state.last_status, 200);
  EXPECT_TRUE(store().sources().due(1700000899).empty());
  EXPECT_EQ(store().sources().due(1700000900).size(), 1u);
  EXPECT_FALSE(store().sources().item_known("https://example.org/1"));
  store().sources().record_item(source.id, "https://example.org/1", "doc-1");
  EXPECT_TRUE(store().sources().item_known("https://example.org/1"));
  store().documents().upsert(document("stored", "S", "Text s."));
  EXPECT_TRUE(store().sources().item_known("https://example.org/stored")) << "a stored document's URL is known";
  EXPECT_EQ(store().sources().all().size(), 1u);
  EXPECT_TRUE(store().sources().remove(source.id));
  EXPECT_FALSE(store().sources().get(source.id));
}

TEST_P(StoreContract, AConnectionTheServerDroppedIsMadeAgain) {
  if (GetParam() != "postgres") GTEST_SKIP() << "a file has no connection to lose";
  store().documents().upsert(document("a", "A", "Text."));
  // The server ends this store's session (as a restart or an idle cut by a proxy would).
  const std::string kill = "psql -q -X \"" + address_ +
                           "\" -c 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                           "current_database() AND pid <> pg_backend_pid()' > /dev/null";
  ASSERT_EQ(std::system(kill.c_str()), 0);
  EXPECT_EQ(store().documents().count(), 1u) << "read again on a new connection";
  EXPECT_EQ(store().documents().upsert(document("b", "B", "Text b.")).outcome, UpsertOutcome::kInserted);
  EXPECT_EQ(store().documents().search("Text").size(), 2u) << "prepared statements are made again";
}

INSTANTIATE_TEST_SUITE_P(EachStore, StoreContract, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
