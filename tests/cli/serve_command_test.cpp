#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli/cli_runner.h"
#include "serve/running_server.h"
#include "temp_folder.h"
#include "temp_store.h"

using namespace storyline::testing;

TEST(ServeCommand, HelpDescribesWebRoot) {
  const auto help = run_storyline({"serve", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--web-root"), std::string::npos) << help.out;
}

// A --web-root without the page's files is refused before the server starts, naming the file
// missing and what to give instead.
TEST(ServeCommand, WebRootMissingAFileStopsAtStart) {
  // The port is taken: should the folder be accepted by mistake, serve exits 1 at once rather
  // than serve forever.
  RunningServer taken;
  TempFolder empty("web-root");
  TempStore store("serve-web-root");
  const auto result = run_storyline(
      {"serve", "--db", store.path, "--create", "--port", std::to_string(taken.port()), "--web-root", empty.path.string()});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("has no index.html"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("web/ folder"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(store.path)) << "no store is made for a server that does not start";
}

// `serve --db typo.db` served an empty store in place of the one meant, and made the file (issue
// 16): a store that does not exist is refused, named, with what to do; --create makes one.
TEST(ServeCommand, AMissingStoreIsRefusedUnlessCreateIsGiven) {
  RunningServer taken;  // should the store be accepted by mistake, serve exits at once, not serve forever
  TempStore store("serve-missing");
  const auto refused = run_storyline({"serve", "--db", store.path, "--port", std::to_string(taken.port())});
  EXPECT_EQ(refused.exit_code, 2) << refused.err;
  EXPECT_NE(refused.err.find(store.path + ": no such store"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("--create"), std::string::npos) << refused.err;
  EXPECT_FALSE(std::filesystem::exists(store.path)) << "no store is made for a name that may be a typo";

  // With --create the store is made; the port, still taken, then stops serve with exit 1.
  const auto created = run_storyline({"serve", "--db", store.path, "--create", "--port", std::to_string(taken.port())});
  EXPECT_EQ(created.exit_code, 1) << created.err;
  EXPECT_TRUE(std::filesystem::exists(store.path));
  EXPECT_NE(created.err.find("cannot listen on 127.0.0.1:" + std::to_string(taken.port())), std::string::npos)
      << created.err;
  // An existing store needs no --create (the port is what stops it here, as for a second server).
  const auto existing = run_storyline({"serve", "--db", store.path, "--port", std::to_string(taken.port())});
  EXPECT_EQ(existing.exit_code, 1) << existing.err;
  EXPECT_EQ(taken.client().Get("/healthz")->status, 200) << "the first server still answers alone";
}

// Without --db the default store (./storyline.db) is made where it is missing: a tool that starts
// `storyline serve` alone on a fresh machine (INTERFACE.md's contest use) must still get a server.
TEST(ServeCommand, TheDefaultStoreIsMadeWhenMissing) {
  RunningServer taken;  // the taken port stops serve once the store is open
  TempFolder folder("serve-default");
  const auto result = run_storyline({"serve", "--port", std::to_string(taken.port())}, "", folder.path.string());
  EXPECT_EQ(result.exit_code, 1) << result.err;  // the port, not the store
  EXPECT_EQ(result.err.find("no such store"), std::string::npos) << result.err;
  EXPECT_TRUE(std::filesystem::exists(folder.path / "storyline.db"));
}
