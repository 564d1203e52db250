// GET /, /style.css and /app.js over HTTP: types, caching, and `serve --web-root`.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>

#include "serve/running_server.h"
#include "storyline/label/category.h"
#include "storyline/serve/web_files.h"
#include "temp_folder.h"
#include "test_paths.h"

using namespace storyline::serve;
using storyline::testing::RunningServer;
using storyline::testing::TempFolder;
namespace fs = std::filesystem;

namespace {

struct Expected {
  const char* path;
  const char* content_type;
  const char* name;
};
constexpr Expected kStatic[] = {{"/", "text/html; charset=utf-8", "index.html"},
                                {"/style.css", "text/css; charset=utf-8", "style.css"},
                                {"/app.js", "text/javascript; charset=utf-8", "app.js"}};

}  // namespace

// A script or style sheet of the wrong type is not run or applied (every answer says nosniff).
TEST(WebRoutes, EachFileHasItsContentType) {
  RunningServer server;
  auto client = server.client();
  for (const Expected& expected : kStatic) {
    const auto answer = client.Get(expected.path);
    ASSERT_TRUE(answer) << expected.path;
    EXPECT_EQ(answer->status, 200) << expected.path;
    EXPECT_EQ(answer->get_header_value("Content-Type"), expected.content_type) << expected.path;
    EXPECT_EQ(answer->get_header_value("X-Content-Type-Options"), "nosniff") << expected.path;
    if (std::string_view(expected.name) != "index.html") {
      EXPECT_EQ(answer->body, embedded_web_file(expected.name)) << expected.path;
    }
  }
  EXPECT_EQ(client.Get("/index.html")->status, 404) << "the page is served at / only";
}

TEST(WebRoutes, PageLinksItsFilesAndListsTheCategories) {
  RunningServer server;
  const auto page = server.client().Get("/");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("<title>Storyline</title>"), std::string::npos);
  EXPECT_NE(page->body.find("<link rel=\"stylesheet\" href=\"/style.css\">"), std::string::npos);
  EXPECT_NE(page->body.find("<script src=\"/app.js\"></script>"), std::string::npos);
  EXPECT_NE(page->body.find("data-categories=\"" + storyline::label::joined_category_names(" ") + "\""), std::string::npos);
  const std::string policy = page->get_header_value("Content-Security-Policy");
  EXPECT_NE(policy.find("script-src 'self'"), std::string::npos) << "only the page's own script file runs: " << policy;
  EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << policy;
}

// By default the page loads nothing from publishers' sites: it is told so, and the browser is told
// to refuse any image from elsewhere; `serve --publisher-images` allows them.
TEST(WebRoutes, PublishersImagesOnlyWhenAskedFor) {
  {
    RunningServer server;
    const auto page = server.client().Get("/");
    ASSERT_TRUE(page);
    EXPECT_NE(page->body.find("data-publisher-images=\"off\""), std::string::npos);
    const std::string policy = page->get_header_value("Content-Security-Policy");
    EXPECT_NE(policy.find("img-src 'self' data:"), std::string::npos) << policy;
    EXPECT_EQ(policy.find("https:"), std::string::npos) << policy;
  }
  ServerOptions options = RunningServer::small_server();
  options.publisher_images = true;
  RunningServer server(options);
  const auto page = server.client().Get("/");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("data-publisher-images=\"on\""), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("img-src 'self' data: https:"), std::string::npos);
}

// The built-in files change only with the binary: the browser asks again each time (no-cache)
// and gets a 304 without a body while its copy is current.
TEST(WebRoutes, BuiltInFilesAreRevalidatedByTag) {
  RunningServer server;
  auto client = server.client();
  for (const Expected& expected : kStatic) {
    const auto first = client.Get(expected.path);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->get_header_value("Cache-Control"), "no-cache") << expected.path;
    const std::string etag = first->get_header_value("ETag");
    ASSERT_FALSE(etag.empty()) << expected.path;
    const auto again = client.Get(expected.path, {{"If-None-Match", etag}});
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 304) << expected.path;
    EXPECT_TRUE(again->body.empty());
    EXPECT_EQ(client.Get(expected.path, {{"If-None-Match", "\"0000000000000000\""}})->status, 200) << expected.path;
  }
}

TEST(WebRoutes, WebRootServesTheFilesAsEditedNow) {
  TempFolder root("web-root");
  for (const Expected& expected : kStatic)
    fs::copy_file(fs::path(storyline::testing::source_dir()) / "web" / expected.name, root.path / expected.name);
  ServerOptions options = RunningServer::small_server();
  options.web_root = root.path.string();
  RunningServer server(options);
  auto client = server.client();
  const auto before = client.Get("/app.js");
  ASSERT_TRUE(before);
  EXPECT_EQ(before->body, embedded_web_file("app.js"));
  EXPECT_EQ(before->get_header_value("Cache-Control"), "no-store");
  EXPECT_FALSE(before->has_header("ETag"));

  std::ofstream(root.path / "app.js", std::ios::binary) << "console.log(\"edited\");\n";
  const auto after = client.Get("/app.js");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->body, "console.log(\"edited\");\n");
  EXPECT_EQ(after->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  const auto page = client.Get("/");
  EXPECT_NE(page->body.find("data-categories=\"society "), std::string::npos) << "the page from disk is filled in too";

  fs::remove(root.path / "style.css");
  const auto gone = client.Get("/style.css");
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->status, 500);
  EXPECT_NE(gone->body.find("style.css"), std::string::npos) << "names the file it cannot read: " << gone->body;
}

TEST(WebRoutes, ServerWithAnIncompleteWebRootDoesNotStart) {
  TempFolder root("web-root");
  ServerOptions options = RunningServer::small_server();
  options.web_root = root.path.string();
  storyline::testing::TempStore store("web-root");
  options.db = store.path;
  EXPECT_THROW(HttpServer server(options), std::runtime_error);
}
