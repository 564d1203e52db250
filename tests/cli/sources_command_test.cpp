// `storyline sources ...` end to end: add, list, remove, OPML import (with bad outlines named by
// file and line) and export, and `poll --once` against a local server.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/cli_runner.h"
#include "sources/feed_server.h"
#include "storyline/store/sqlite_store.h"

using namespace storyline::testing;
namespace fs = std::filesystem;

namespace {

struct TempFolder {
  fs::path path = fs::temp_directory_path() / ("storyline-sources-" + std::to_string(getpid()) + "-" +
                                               std::to_string(reinterpret_cast<uintptr_t>(this)));
  TempFolder() { fs::create_directories(path); }
  ~TempFolder() { fs::remove_all(path); }
};

const char* kOpml = R"(<?xml version="1.0"?>
<opml version="1.1"><head><title>Subscriptions</title></head><body>
  <outline title="World">
    <outline text="Example World" type="rss" xmlUrl="https://example.org/world.xml" htmlUrl="https://example.org/"/>
    <outline title="Asia"><outline text="Asia Desk" type="rss" xmlUrl="https://asia.example.net/feed"/></outline>
  </outline>
  <outline text="bad" type="rss" xmlUrl="ftp://example.org/feed"/>
</body></opml>
)";

}  // namespace

TEST(SourcesCommand, AddListRemove) {
  TempFolder folder;
  const std::string db = (folder.path / "store.db").string();
  auto added = run_storyline({"sources", "add", "HTTPS://Example.COM/feed.xml", "--db", db, "--name", "Example"});
  EXPECT_EQ(added.exit_code, 0) << added.err;
  EXPECT_NE(added.out.find("https://example.com/feed.xml"), std::string::npos) << added.out;
  EXPECT_EQ(run_storyline({"sources", "add", "https://example.com/feed.xml", "--db", db}).exit_code, 0);
  const auto bad = run_storyline({"sources", "add", "example.com/feed", "--db", db});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("not an absolute http(s) URL"), std::string::npos) << bad.err;
  EXPECT_EQ(run_storyline({"sources", "add", "--db", db}).exit_code, 2);

  const auto list = run_storyline({"sources", "list", "--json", "--db", db});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  const auto source = nlohmann::json::parse(list.out.substr(0, list.out.find('\n')));
  EXPECT_EQ(source["url"], "https://example.com/feed.xml");
  EXPECT_EQ(source["name"], "Example");
  EXPECT_TRUE(source["last_fetch"].is_null());
  EXPECT_EQ(std::count(list.out.begin(), list.out.end(), '\n'), 1);

  EXPECT_EQ(run_storyline({"sources", "remove", "https://nowhere.example/", "--db", db}).exit_code, 1);
  EXPECT_EQ(run_storyline({"sources", "remove", std::to_string(source["id"].get<int>()), "--db", db}).exit_code, 0);
  EXPECT_TRUE(run_storyline({"sources", "list", "--db", db}).out.empty());
}

TEST(SourcesCommand, ImportNamesBadOutlinesAndExportRoundTrips) {
  TempFolder folder;
  const std::string db = (folder.path / "store.db").string();
  const std::string opml = (folder.path / "subscriptions.opml").string();
  std::ofstream(opml) << kOpml;
  const auto imported = run_storyline({"sources", "import", opml, "--db", db});
  EXPECT_EQ(imported.exit_code, 1) << "one outline is rejected";
  EXPECT_NE(imported.err.find(opml + ": line 7: outline 'bad': xmlUrl 'ftp://example.org/feed'"), std::string::npos)
      << imported.err;
  EXPECT_NE(imported.err.find("2 added"), std::string::npos) << imported.err;

  const auto exported = run_storyline({"sources", "export", "--db", db});
  ASSERT_EQ(exported.exit_code, 0);
  const std::string again_path = (folder.path / "again.opml").string();
  std::ofstream(again_path) << exported.out;
  const std::string db2 = (folder.path / "store2.db").string();
  const auto again = run_storyline({"sources", "import", again_path, "--db", db2});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  storyline::store::SqliteStore store(db2);
  const auto sources = store.sources().all();
  ASSERT_EQ(sources.size(), 2u);
  EXPECT_EQ(sources[0].url, "https://example.org/world.xml");
  EXPECT_EQ(sources[0].category, "World");
  EXPECT_EQ(sources[0].html_url, "https://example.org/");
  EXPECT_EQ(sources[1].category, "World/Asia");
  EXPECT_EQ(sources[1].name, "Asia Desk");

  const auto missing = run_storyline({"sources", "import", (folder.path / "missing.opml").string(), "--db", db});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("missing.opml"), std::string::npos);
}

TEST(SourcesCommand, PollOnceIngestsFromALocalServer) {
  FeedServer server;
  server.serve("/feed.rss",
               "<rss version=\"2.0\"><channel><title>Local</title><item><title>Harbour opens new breakwater</title>"
               "<guid>local-1</guid><description>The harbour authority opened the new breakwater on Tuesday."
               "</description></item></channel></rss>");
  server.on("/down.rss", [](const httplib::Request&, httplib::Response& response) { response.status = 404; });
  TempFolder folder;
  const std::string db = (folder.path / "store.db").string();
  ASSERT_EQ(run_storyline({"sources", "add", server.url("/feed.rss"), "--db", db}).exit_code, 0);
  const auto ok = run_storyline({"sources", "poll", "--once", "--db", db, "--timeout", "2", "--host-delay-ms", "0"});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.err.find("1 new items"), std::string::npos) << ok.err;
  ASSERT_EQ(run_storyline({"sources", "add", server.url("/down.rss"), "--db", db}).exit_code, 0);
  const auto failed = run_storyline({"sources", "poll", "--once", "--db", db, "--timeout", "2", "--host-delay-ms", "0"});
  EXPECT_EQ(failed.exit_code, 1) << failed.err;
  EXPECT_NE(failed.err.find("HTTP 404"), std::string::npos) << failed.err;
  storyline::store::SqliteStore store(db);
  EXPECT_EQ(store.documents().count(), 1u);
  EXPECT_TRUE(store.documents().get("local-1"));
}
