// `storyline migrate`, and the commands over a PostgreSQL store end to end: what `ingest` stores
// there, `stories` gives back exactly as from the embedded store.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "cli/cli_runner.h"
#include "postgres_server.h"

using namespace storyline::testing;
namespace fs = std::filesystem;

namespace {

struct TempFolder {
  fs::path path = fs::temp_directory_path() / ("storyline-migrate-" + std::to_string(getpid()));
  TempFolder() { fs::create_directories(path); }
  ~TempFolder() { fs::remove_all(path); }
};

void write(const fs::path& path, const std::string& content) { std::ofstream(path, std::ios::binary) << content; }

// Three reports of one event from three publishers, a copy, and an unrelated report.
void write_news(const fs::path& folder) {
  const std::string talks =
      "The Taliban announced Sunday following talks in Qatar that the United States would not be formally "
      "recognizing the Taliban, but would be providing humanitarian aid to Afghanistan, officials said.";
  write(folder / "a.json", R"({"id": "a", "url": "https://dawn.example/talks", "site_name": "Dawn",
    "title": "Taliban say US will give aid after Doha talks", "published": "2021-10-10T09:00:00+05:00",
    "text": ")" + talks + R"("})");
  write(folder / "b.json", R"({"id": "b", "url": "https://wire.example/doha", "site_name": "Wire",
    "title": "US and Taliban end first talks since withdrawal", "published": "2021-10-10T06:00:00Z",
    "text": "The first face-to-face talks between the United States and the Taliban since the withdrawal ended in Doha; the Taliban said Washington would provide humanitarian aid to Afghanistan."})");
  write(folder / "copy.json", R"({"id": "copy", "url": "https://reprint.example/talks", "site_name": "Reprint",
    "title": "Taliban say US will give aid after Doha talks", "published": "2021-10-10T09:30:00+05:00",
    "text": ")" + talks + R"("})");
  write(folder / "rates.json", R"({"id": "rates", "url": "https://bank.example/rates", "site_name": "Bank News",
    "title": "Central bank raises interest rates", "published": "2021-10-11T10:00:00Z",
    "text": "The central bank raised its main interest rate by a quarter point on Thursday, citing inflation."})");
}

}  // namespace

TEST(MigrateCommand, SaysTheSchemaVersionAndRefusesAMissingStore) {
  TempFolder folder;
  fs::create_directories(folder.path / "news");
  write_news(folder.path / "news");
  const std::string db = (folder.path / "store.db").string();
  ASSERT_EQ(run_storyline({"ingest", "--db", db, (folder.path / "news").string()}).exit_code, 0);
  const auto migrated = run_storyline({"migrate", "--db", db});
  EXPECT_EQ(migrated.exit_code, 0) << migrated.err;
  EXPECT_EQ(migrated.out, "schema version 10, integrity ok\n");
  const auto missing = run_storyline({"migrate", "--db", (folder.path / "typo.db").string()});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no such store"), std::string::npos) << missing.err;
  EXPECT_FALSE(fs::exists(folder.path / "typo.db"));
}

TEST(MigrateCommand, APostgresStoreAnswersAsTheEmbeddedOne) {
  std::string why_not;
  const auto database = fresh_postgres_database(why_not);
  if (!database) GTEST_SKIP() << why_not;
  TempFolder folder;
  fs::create_directories(folder.path / "news");
  write_news(folder.path / "news");
  const auto migrated = run_storyline({"migrate", "--db", *database});
  EXPECT_EQ(migrated.out, "schema version 10, integrity ok\n") << migrated.err;
  const std::string file = (folder.path / "store.db").string();
  for (const std::string& db : {file, *database}) {
    const auto ingested = run_storyline({"ingest", "--db", db, (folder.path / "news").string()});
    ASSERT_EQ(ingested.exit_code, 0) << ingested.err;
    EXPECT_NE(ingested.err.find("1 copies"), std::string::npos) << ingested.err;
  }
  const auto from_file = run_storyline({"stories", "--db", file, "--json"});
  const auto from_postgres = run_storyline({"stories", "--db", *database, "--json"});
  ASSERT_EQ(from_postgres.exit_code, 0) << from_postgres.err;
  EXPECT_FALSE(from_file.out.empty());
  EXPECT_EQ(from_postgres.out, from_file.out) << "the same stories, byte for byte";
  const auto again = run_storyline({"ingest", "--db", *database, (folder.path / "news").string()});
  EXPECT_NE(again.err.find("0 new, 0 updated, 4 unchanged"), std::string::npos) << again.err;
  const auto wrong = run_storyline({"stories", "--db", "postgresql://storyline@127.0.0.1:1/none"});
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_NE(wrong.err.find("cannot connect to PostgreSQL"), std::string::npos) << wrong.err;
}
