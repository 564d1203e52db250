#include "storyline/store/sqlite_store.h"
#include "storyline/store/schema.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string_view>

using namespace storyline;
using namespace storyline::store;

namespace {

class TempStorePath {
 public:
  TempStorePath()
      : path_(std::filesystem::temp_directory_path() /
              ("storyline-store-" + std::to_string(getpid()) + "-" + std::to_string(counter_++) + ".db")) {}
  ~TempStorePath() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }
  std::string str() const { return path_.string(); }

 private:
  static inline int counter_ = 0;
  std::filesystem::path path_;
};

Document article(const std::string& id, const std::string& title, const std::string& text) {
  Document document;
  document.id = id;
  document.source = "test";
  document.title = title;
  document.text = text;
  document.published = "2021-10-09T09:07:00Z";
  document.domain = "rferl.org";
  document.language = "en";
  document.entities = {{"Taliban", "organization"}, {"Doha", "location"}};
  return document;
}

}  // namespace

TEST(SqliteStore, InsertThenSameArticleChangesNothing) {
  TempStorePath path;
  SqliteStore store(path.str());
  const Document document = article("a1", "U.S. sets talks with Taliban", "Talks in Doha on Saturday.");
  EXPECT_EQ(store.documents().upsert(document).outcome, UpsertOutcome::kInserted);
  Document same = document;
  same.source = "another/path.html";  // read again from elsewhere
  EXPECT_EQ(store.documents().upsert(same).outcome, UpsertOutcome::kUnchanged);
  EXPECT_EQ(store.documents().count(), 1u);
  const auto stored = store.documents().get("a1");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->title, document.title);
  ASSERT_EQ(stored->entities.size(), 2u);
  EXPECT_EQ(stored->entities[1].text, "Doha");
}

TEST(SqliteStore, UpdatedArticleBecomesANewVersion) {
  TempStorePath path;
  SqliteStore store(path.str());
  store.documents().upsert(article("a1", "Talks set", "First version."));
  const auto result = store.documents().upsert(article("a1", "Talks set", "Second version, updated."));
  EXPECT_EQ(result.outcome, UpsertOutcome::kUpdated);
  EXPECT_EQ(result.version, 2);
  EXPECT_EQ(store.documents().get("a1")->text.value_or(""), "Second version, updated.");
}

TEST(SqliteStore, SurvivesReopeningAndChecksIntegrity) {
  TempStorePath path;
  {
    SqliteStore store(path.str());
    store.in_transaction([&] {
      for (int i = 0; i < 50; ++i)
        store.documents().upsert(article("id" + std::to_string(i), "Title " + std::to_string(i), "Body."));
    });
  }
  SqliteStore reopened(path.str());
  EXPECT_EQ(reopened.documents().count(), 50u);
  EXPECT_EQ(reopened.integrity_check(), "ok");
  EXPECT_EQ(reopened.schema_version(), static_cast<int>(storyline::store::migrations().size()));
}

TEST(SqliteStore, FailedTransactionStoresNothing) {
  TempStorePath path;
  SqliteStore store(path.str());
  EXPECT_THROW(store.in_transaction([&] {
    store.documents().upsert(article("x", "t", "b"));
    throw std::runtime_error("bad input halfway");
  }),
               std::runtime_error);
  EXPECT_EQ(store.documents().count(), 0u);
  store.documents().upsert(article("y", "t", "b"));
  EXPECT_EQ(store.documents().count(), 1u);
}

TEST(SqliteStore, SearchRanksWithFiltersAndSnippets) {
  TempStorePath path;
  SqliteStore store(path.str());
  store.documents().upsert(article("a", "Taliban talks in Doha", "The United States and the Taliban met in Doha."));
  Document other = article("b", "Earthquake in Chile", "A strong earthquake struck central Chile.");
  other.entities = {{"Chile", "location"}};
  other.published = "2010-02-27";
  store.documents().upsert(other);
  auto hits = store.documents().search("Taliban");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].document.id, "a");
  EXPECT_NE(hits[0].snippet.find("<b>Taliban</b>"), std::string::npos) << hits[0].snippet;
  EXPECT_EQ(store.documents().search("\"strong earthquake\"").size(), 1u);
  SearchFilters since;
  since.since = 1577836800;  // 2020-01-01
  EXPECT_TRUE(store.documents().search("earthquake", since).empty());
  SearchFilters entity;
  entity.entity = "Doha";
  EXPECT_EQ(store.documents().search("talks OR earthquake", entity).size(), 1u);
  EXPECT_THROW(store.documents().search("\"unterminated"), std::invalid_argument);
}

// A search within a budget (issue 16): bounded in bytes and terms before it runs, in time while
// it runs; past the time it is a SearchTimeout (503), not a bad query (400).
TEST(SqliteStore, SearchStaysWithinItsBudget) {
  TempStorePath path;
  SqliteStore store(path.str());
  for (int i = 0; i < 300; ++i)
    store.documents().upsert(article("d" + std::to_string(i), "Talks number " + std::to_string(i),
                                     "The talks went on in Doha for a long time, said delegate " + std::to_string(i) + "."));
  std::string many;
  for (size_t i = 0; i <= kMostSearchTerms; ++i) many += (i ? " OR t" : "t") + std::to_string(i) + "*";
  try {
    store.documents().search(many);
    FAIL() << "a query of " << kMostSearchTerms + 1 << " terms ran";
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("too many terms"), std::string::npos) << error.what();
  }
  EXPECT_THROW(store.documents().search(std::string(kMostSearchQueryBytes + 1, 'a')), std::invalid_argument);
  EXPECT_THROW(store.stories().search(many), std::invalid_argument);
  EXPECT_NO_THROW(store.documents().search("\"talks went on\" OR delegate OR doha"));
  SearchFilters no_time;
  no_time.time_budget = std::chrono::milliseconds(0);
  no_time.limit = 500;
  EXPECT_THROW(store.documents().search("talks OR doha OR delegate", no_time), SearchTimeout);
  // The handler is gone with the query: the next one runs in full.
  EXPECT_EQ(store.documents().search("talks").size(), 20u);
}

TEST(SqliteStore, RefusesAForeignDatabase) {
  TempStorePath path;
  { std::ofstream(path.str()) << "this is not a database at all, just some text that is long enough to matter...."; }
  EXPECT_THROW(SqliteStore store(path.str()), std::runtime_error);
}

TEST(SqliteStore, RemoveDeletesDocumentAndItsSearchEntry) {
  TempStorePath path;
  SqliteStore store(path.str());
  store.documents().upsert(article("a", "Taliban talks", "Doha."));
  EXPECT_TRUE(store.documents().remove("a"));
  EXPECT_FALSE(store.documents().remove("a"));
  EXPECT_TRUE(store.documents().search("Taliban").empty());
  EXPECT_EQ(store.integrity_check(), "ok");
}

TEST(SqliteStore, StorylineRelationsReadFromBothSidesAndFollowRenames) {
  TempStorePath path;
  SqliteStore store(path.str());
  store.stories().save_related_storylines("line-a", {"line-b", "line-c", "line-a"});
  store.stories().save_related_storylines("line-d", {"line-a"});
  EXPECT_EQ(store.stories().related_storylines("line-a"), (std::vector<std::string>{"line-b", "line-d", "line-c"}))
      << "most similar first (position), a relation saved by line-d counts, never itself";
  EXPECT_EQ(store.stories().related_storylines("line-b"), std::vector<std::string>{"line-a"});
  // Saving again replaces what line-a said, not what line-d said.
  store.stories().save_related_storylines("line-a", {"line-c"});
  EXPECT_EQ(store.stories().related_storylines("line-a"), (std::vector<std::string>{"line-c", "line-d"}));
  EXPECT_TRUE(store.stories().related_storylines("line-b").empty());
  // line-c merges into line-a: a relation between them would be a storyline related to itself.
  store.stories().rename_storyline("line-c", "line-a");
  EXPECT_EQ(store.stories().related_storylines("line-a"), std::vector<std::string>{"line-d"});
  EXPECT_TRUE(store.stories().related_storylines("line-c").empty());
  store.stories().rename_storyline("line-d", "line-e");
  EXPECT_EQ(store.stories().related_storylines("line-a"), std::vector<std::string>{"line-e"});
  EXPECT_EQ(store.integrity_check(), "ok");
}

TEST(SqliteStore, KeepsIsNewsSectionAndPageTypes) {
  TempStorePath path;
  SqliteStore store(path.str());
  Document product = article("p1", "Cordless drill, 18 V", "Add to cart. $99.99");
  product.is_news = false;
  product.section = "Tools";
  product.page_types = {"og:product", "Product"};
  store.documents().upsert(product);
  Document report = article("n1", "Talks set", "Talks in Doha.");
  report.is_news = true;
  store.documents().upsert(report);
  const auto stored = store.documents().get("p1");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->is_news, std::optional<bool>(false));
  EXPECT_EQ(stored->section, std::optional<std::string>("Tools"));
  EXPECT_EQ(stored->page_types, product.page_types);
  EXPECT_EQ(store.documents().get("n1")->is_news, std::optional<bool>(true));
  // Deciding later is a change of content: a new version, read back as decided.
  product.is_news = true;
  EXPECT_EQ(store.documents().upsert(product).outcome, UpsertOutcome::kUpdated);
  EXPECT_EQ(store.documents().get("p1")->is_news, std::optional<bool>(true));
}

TEST(SqliteStore, UndecidedIsNewsReadsBackUnknown) {
  TempStorePath path;
  SqliteStore store(path.str());
  store.documents().upsert(article("u1", "Talks set", "Talks in Doha."));
  const auto stored = store.documents().get("u1");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->is_news, std::nullopt);
  EXPECT_EQ(stored->section, std::nullopt);
  EXPECT_TRUE(stored->page_types.empty());
}

namespace {

// The store as a build before the migration containing `marker` left it: every migration before
// that one, then `rows` (SQL) written into it. Fails the test when no migration contains `marker`.
void make_store_before(const std::string& path, std::string_view marker, const std::string& rows) {
  const auto& all = migrations();
  const auto found = std::find_if(all.begin(), all.end(), [&](std::string_view migration) {
    return migration.find(marker) != std::string_view::npos;
  });
  ASSERT_NE(found, all.end()) << "no migration contains " << marker;
  const auto before = static_cast<size_t>(found - all.begin());
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  for (size_t i = 0; i < before; ++i) db.exec(std::string(all[i]));
  db.exec("PRAGMA user_version=" + std::to_string(before));
  db.exec("PRAGMA application_id=" + std::to_string(0x53545259));  // "STRY"
  db.exec(rows);
}

}  // namespace

TEST(SqliteStore, DocumentFromAStoreBeforeIsNewsReadsBackUnknown) {
  TempStorePath path;
  const auto& all = migrations();
  make_store_before(path.str(), "ADD COLUMN is_news",
                    "INSERT INTO documents(id, content_hash, source, title, text, language) "
                    "VALUES ('old1', 'x', 'test', 'Talks set in Doha', 'Talks in Doha on Saturday.', 'en')");
  if (HasFatalFailure()) return;
  SqliteStore store(path.str());
  EXPECT_EQ(store.schema_version(), static_cast<int>(all.size()));
  const auto stored = store.documents().get("old1");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->title, std::optional<std::string>("Talks set in Doha"));
  EXPECT_EQ(stored->is_news, std::nullopt);
  EXPECT_EQ(stored->section, std::nullopt);
  EXPECT_TRUE(stored->page_types.empty());
  EXPECT_EQ(store.documents().search("Doha").size(), 1u);
}

// A store from before the list of stale story records (migration 9) may have been left with stale
// records by a crash: the migration lists the stories whose records disagree with their documents
// (a count, or no record at all), and a record that is right is not listed.
TEST(SqliteStore, MigrationListsStoriesWhoseRecordsDisagreeWithTheirDocuments) {
  TempStorePath path;
  make_store_before(path.str(), "CREATE TABLE stale_stories",
                    "INSERT INTO documents(id, content_hash, title, story_id, duplicate_of) VALUES "
                    "('a1', 'x', 'A', 'story-right', NULL), ('a2', 'y', 'A copy', 'story-right', 'a1'), "
                    "('b1', 'z', 'B', 'story-stale', NULL), ('b2', 'w', 'B too', 'story-stale', NULL), "
                    "('c1', 'v', 'C', 'story-unwritten', NULL);"
                    "INSERT INTO stories(id, storyline_id, article_count) VALUES "
                    "('story-right', 'l1', 1), ('story-stale', 'l2', 1), ('story-emptied', 'l3', 2)");
  if (HasFatalFailure()) return;
  SqliteStore store(path.str());
  EXPECT_EQ(store.stories().stale(), (std::vector<std::string>{"story-emptied", "story-stale", "story-unwritten"}));
  store.stories().clear_stale();
  EXPECT_TRUE(store.stories().stale().empty());
}

// A POST waits for its story's counts (issue 16): they are counted from an index alone, not from
// the rows of a story's thousands of documents (3,000 reports of one story took most of the
// rewrite), in a store made before that index as in a new one.
TEST(SqliteStore, AStorysMembersAreCountedFromAnIndex) {
  TempStorePath path;
  make_store_before(path.str(), "documents_story_members", "");
  if (HasFatalFailure()) return;
  { SqliteStore store(path.str()); }
  SQLite::Database db(path.str());
  SQLite::Statement plan(db,
                         "EXPLAIN QUERY PLAN SELECT count(*) FILTER (WHERE duplicate_of IS NULL), "
                         "count(*) FILTER (WHERE duplicate_of IS NOT NULL) FROM documents WHERE story_id = 'x'");
  std::string details;
  while (plan.executeStep()) details += plan.getColumn(3).getString() + "\n";
  EXPECT_NE(details.find("COVERING INDEX"), std::string::npos) << details;
}
