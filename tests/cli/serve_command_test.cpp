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
      {"serve", "--db", store.path, "--port", std::to_string(taken.port()), "--web-root", empty.path.string()});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("has no index.html"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("web/ folder"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(store.path)) << "no store is made for a server that does not start";
}
