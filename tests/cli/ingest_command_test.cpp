#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "cli/cli_runner.h"
#include "storyline/store/sqlite_store.h"
#include "test_paths.h"

using namespace storyline::testing;
namespace fs = std::filesystem;

namespace {

struct TempFolder {
  fs::path path = fs::temp_directory_path() /
                  ("storyline-ingest-" + std::to_string(getpid()) + "-" + std::to_string(reinterpret_cast<uintptr_t>(this)));
  TempFolder() { fs::create_directories(path); }
  ~TempFolder() { fs::remove_all(path); }
};

void write(const fs::path& path, const std::string& content) { std::ofstream(path, std::ios::binary) << content; }

const char* kStory =
    "Taliban says US will provide aid, but not recognition, after Doha talks\n\n"
    "The Taliban announced Sunday following talks in Qatar that the United States would not be formally "
    "recognizing the Taliban, but would be providing humanitarian aid to Afghanistan, officials said on Sunday.\n\n"
    "The talks in Doha were the first face-to-face meeting since the withdrawal of American troops in August.\n";

}  // namespace

TEST(IngestCommand, StoresOnceAndReingestingChangesNothing) {
  TempFolder folder;
  write(folder.path / "a.txt", kStory);
  write(folder.path / "copy.txt", std::string(kStory) + "\nReporting by the Associated Press.\n");
  write(folder.path / "broken.json", "{\"title\": ");
  const std::string db = (folder.path / "store.db").string();
  const auto first = run_storyline({"ingest", "--db", db, (folder.path / "a.txt").string(),
                                    (folder.path / "copy.txt").string(), (folder.path / "broken.json").string()});
  EXPECT_EQ(first.exit_code, 1) << "the broken input is rejected, the others stored";
  EXPECT_NE(first.err.find("broken.json"), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("2 new"), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("1 copies"), std::string::npos) << first.err;

  const auto second = run_storyline({"ingest", "--db", db, (folder.path / "a.txt").string()});
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.err.find("0 new, 0 updated, 1 unchanged"), std::string::npos) << second.err;

  storyline::store::SqliteStore store(db);
  EXPECT_EQ(store.documents().count(), 2u);
  EXPECT_EQ(store.integrity_check(), "ok");
  const auto hits = store.documents().search("Doha");
  ASSERT_EQ(hits.size(), 2u);
  size_t copies = 0;
  for (const auto& hit : hits) copies += store.fingerprints().duplicate_of(hit.document.id).has_value();
  EXPECT_EQ(copies, 1u);
}

// The same wire record from two publishers (no URL, no id of its own) was given one id: the
// second was "unchanged", the first publisher's. Now two documents, the later a copy; the file
// ingested again changes nothing.
TEST(IngestCommand, OneWireRecordFromTwoPublishersIsTwoDocuments) {
  TempFolder folder;
  const std::string wire = R"("title": "Taliban says US will provide aid after Doha talks", "text": "The Taliban )"
                           R"(announced Sunday following talks in Qatar that the United States would provide )"
                           R"(humanitarian aid to Afghanistan, officials said.")";
  write(folder.path / "wire.jsonl",
        "{" + wire + R"(, "domain": "valleytimes.com"})" + "\n{" + wire + R"(, "publisher": "Hilltop Herald"})" + "\n");
  const std::string db = (folder.path / "store.db").string();
  const auto first = run_storyline({"ingest", "--db", db, (folder.path / "wire.jsonl").string()});
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("2 new"), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("1 copies"), std::string::npos) << first.err;
  const auto again = run_storyline({"ingest", "--db", db, (folder.path / "wire.jsonl").string()});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("0 new, 0 updated, 2 unchanged"), std::string::npos) << again.err;

  storyline::store::SqliteStore store(db);
  EXPECT_EQ(store.documents().count(), 2u);
  const auto hits = store.documents().search("Doha");
  ASSERT_EQ(hits.size(), 2u);
  size_t copies = 0;
  for (const auto& hit : hits) {
    const auto original = store.fingerprints().duplicate_of(hit.document.id);
    if (!original) continue;
    ++copies;
    EXPECT_EQ(hit.document.site_name.value_or(""), "Hilltop Herald") << "the later publisher's is the copy";
  }
  EXPECT_EQ(copies, 1u);
}

TEST(IngestCommand, RefusesAFileThatIsNotAStore) {
  TempFolder folder;
  write(folder.path / "not.db", "plain text, not SQLite, long enough to be read as a header of a database file");
  write(folder.path / "a.txt", kStory);
  const auto result = run_storyline({"ingest", "--db", (folder.path / "not.db").string(), (folder.path / "a.txt").string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("not.db"), std::string::npos) << result.err;
}
