#include "storyline/serve/web_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "storyline/label/category.h"
#include "temp_folder.h"
#include "test_paths.h"

using namespace storyline::serve;
using storyline::testing::TempFolder;
namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

const fs::path kWebFolder = fs::path(storyline::testing::source_dir()) / "web";

const WebFile& web_file(std::string_view name) {
  for (const WebFile& file : web_files())
    if (file.name == name) return file;
  throw std::logic_error("no web file " + std::string(name));
}

// A --web-root holding a copy of web/ without `left_out`.
void copy_web_folder(const fs::path& to, std::string_view left_out = "") {
  for (const WebFile& file : web_files())
    if (file.name != left_out) fs::copy_file(kWebFolder / file.name, to / file.name);
}

}  // namespace

// The build compiles web/ in: what is served must be the files as they are in the repository
// (a stale or mangled copy, say a delimiter or a backslash lost on the way, fails here).
TEST(WebFiles, BuiltInFilesAreTheFilesInWeb) {
  ASSERT_EQ(web_files().size(), 3u);
  for (const WebFile& file : web_files()) {
    const std::string on_disk = read_text(kWebFolder / file.name);
    ASSERT_FALSE(on_disk.empty()) << file.name;
    EXPECT_EQ(embedded_web_file(file.name), on_disk) << "web/" << file.name << " differs from the built-in copy";
  }
  EXPECT_TRUE(embedded_web_file("secrets.txt").empty());
}

TEST(WebFiles, ServedPageListsLabelsCategories) {
  const std::string page = served_web_file(web_file("index.html"), std::string(embedded_web_file("index.html")));
  std::string names;
  for (const std::string_view name : storyline::label::kCategoryNames)
    names += (names.empty() ? "" : " ") + std::string(name);
  EXPECT_NE(page.find("data-categories=\"" + names + "\""), std::string::npos);
  EXPECT_EQ(page.find(kCategoriesMarker), std::string::npos);
  const std::string script(embedded_web_file("app.js"));
  EXPECT_EQ(served_web_file(web_file("app.js"), script), script) << "only the page is filled in";
}

// Categories come from one list: the page's files name none of them as a string of their own.
TEST(WebFiles, PageKeepsNoCopyOfTheCategories) {
  for (const WebFile& file : web_files())
    for (const std::string_view name : storyline::label::kCategoryNames)
      EXPECT_EQ(embedded_web_file(file.name).find("\"" + std::string(name) + "\""), std::string::npos)
          << file.name << " lists \"" << name << "\" itself";
}

TEST(WebFiles, WebRootReadsTheFilesAtEveryRequest) {
  TempFolder root("web-root");
  copy_web_folder(root.path);
  const WebFileSource source(root.path.string());
  EXPECT_TRUE(source.reads_from_disk());
  EXPECT_EQ(*source.body(web_file("style.css")).text, embedded_web_file("style.css"));
  std::ofstream(root.path / "style.css", std::ios::binary) << "body { color: red; }\n";
  const WebFileBody changed = source.body(web_file("style.css"));
  EXPECT_EQ(*changed.text, "body { color: red; }\n");
  EXPECT_TRUE(changed.etag.empty()) << "files on disk are never cached by the browser";
  EXPECT_EQ(source.body(web_file("index.html")).text->find(kCategoriesMarker), std::string::npos)
      << "the page on disk gets the categories too";
}

TEST(WebFiles, WebRootMissingAFileSaysWhichAtStart) {
  TempFolder root("web-root");
  copy_web_folder(root.path, "app.js");
  try {
    WebFileSource source(root.path.string());
    FAIL() << "a --web-root without app.js was accepted";
  } catch (const std::runtime_error& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("has no app.js"), std::string::npos) << message;
    EXPECT_NE(message.find("web/ folder"), std::string::npos) << "says what to do: " << message;
  }
  EXPECT_THROW(WebFileSource((root.path / "nowhere").string()), std::runtime_error);
}

TEST(WebFiles, WebRootPageWithoutCategoriesMarkerIsRefused) {
  TempFolder root("web-root");
  copy_web_folder(root.path);
  std::ofstream(root.path / "index.html", std::ios::binary) << "<!doctype html><nav id=\"categories\"></nav>\n";
  try {
    WebFileSource source(root.path.string());
    FAIL() << "a page without the categories marker was accepted";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find(std::string(kCategoriesMarker)), std::string::npos) << error.what();
  }
}

TEST(WebFiles, BuiltInFilesCarryTagsOfTheirContent) {
  const WebFileSource source("");
  EXPECT_FALSE(source.reads_from_disk());
  const WebFileBody page = source.body(web_file("index.html")), script = source.body(web_file("app.js"));
  EXPECT_EQ(page.etag.size(), 18u) << page.etag;  // 16 hex digits, quoted
  EXPECT_NE(page.etag, script.etag);
  EXPECT_EQ(source.body(web_file("app.js")).etag, script.etag) << "stable while the files are";
}

// The page's policy runs /app.js only (script-src 'self'): an inline script or an on…= handler in
// the markup, the page's own or one its script writes, would be refused by the browser.
TEST(WebFiles, PageHasNoInlineScriptOrHandler) {
  const std::regex handler_attribute(R"(\son[a-z]+\s*=\s*["'])");
  const std::regex inline_script(R"(<script(?![^>]*\ssrc=)[^>]*>)");
  for (const WebFile& file : web_files()) {
    const std::string text(embedded_web_file(file.name));
    EXPECT_FALSE(std::regex_search(text, handler_attribute)) << file.name << " has an inline event handler";
    EXPECT_FALSE(std::regex_search(text, inline_script)) << file.name << " has an inline script";
  }
}
