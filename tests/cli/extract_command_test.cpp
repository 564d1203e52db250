// End to end: the built executable, as INTERFACE.md describes `storyline extract`.
#include <gtest/gtest.h>

#include "cli/cli_runner.h"
#include "storyline/core/document_json.h"
#include "test_paths.h"

using namespace storyline::testing;

namespace {

std::vector<storyline::Document> parse_lines(const std::string& out) {
  std::vector<storyline::Document> documents;
  size_t pos = 0;
  while (pos < out.size()) {
    size_t end = out.find('\n', pos);
    if (end == std::string::npos) end = out.size();
    if (end > pos) documents.push_back(storyline::document_from_json(out.substr(pos, end - pos)));
    pos = end + 1;
  }
  return documents;
}

}  // namespace

TEST(ExtractCommand, HelpAndVersion) {
  EXPECT_EQ(run_storyline({"--version"}).exit_code, 0);
  const auto help = run_storyline({"extract", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--url"), std::string::npos);
  EXPECT_EQ(run_storyline({"extract", "--no-such-option", "x"}).exit_code, 2);
}

TEST(ExtractCommand, ReadsStandardInputAndUsesUrlOption) {
  const auto result = run_storyline({"extract", "--url", "https://www.example.co.uk/news/1", "-"},
                                    "<html><head><title>Hello</title></head><body><p>Body text here.</p></body></html>");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto documents = parse_lines(result.out);
  ASSERT_EQ(documents.size(), 1u);
  EXPECT_EQ(documents[0].domain.value_or(""), "example.co.uk");
}

TEST(ExtractCommand, OneBadInputDoesNotStopTheOthers) {
  const auto result = run_storyline({"extract", "/no/such/file", "-"}, "{\"title\": \"t\", \"text\": \"Body.\"}");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("/no/such/file"), std::string::npos);
  EXPECT_EQ(parse_lines(result.out).size(), 1u);
}

TEST(ExtractCommand, SeedsGiveEightDocumentsInOrder) {
  STORYLINE_REQUIRE_SHARED(shared);
  const auto result = run_storyline({"extract", shared + "/seeds"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto documents = parse_lines(result.out);
  ASSERT_EQ(documents.size(), 8u);  // seed 000 with its three related[], and seeds 001-004
  EXPECT_EQ(documents[0].title.value_or(""), "U.S. Sets First Face-To-Face Talks With Taliban Since Takeover");
  EXPECT_EQ(documents[1].text.value_or("").find("\xC3\x82"), std::string::npos) << "mojibake left in";
  for (const auto& document : documents) EXPECT_EQ(document.language.value_or(""), "en") << document.source;
}
