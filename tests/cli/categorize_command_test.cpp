// End to end: the built executable, as INTERFACE.md describes `storyline categorize`.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_runner.h"
#include "test_paths.h"

using namespace storyline::testing;

namespace {

std::vector<nlohmann::json> parse_lines(const std::string& out) {
  std::vector<nlohmann::json> values;
  size_t pos = 0;
  while (pos < out.size()) {
    size_t end = out.find('\n', pos);
    if (end == std::string::npos) end = out.size();
    if (end > pos) values.push_back(nlohmann::json::parse(out.substr(pos, end - pos)));
    pos = end + 1;
  }
  return values;
}

std::string document(const std::string& id, const std::string& title, const std::string& text) {
  return nlohmann::json{{"id", id}, {"title", title}, {"text", text}}.dump() + "\n";
}

}  // namespace

TEST(CategorizeCommand, HelpAndUsageErrors) {
  const auto help = run_storyline({"categorize", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("society"), std::string::npos);
  EXPECT_EQ(run_storyline({"categorize", "--no-such-option"}).exit_code, 2);
  EXPECT_EQ(run_storyline({"train", "categories", "--help"}).exit_code, 0);
  EXPECT_EQ(run_storyline({"eval", "categories", "--help"}).exit_code, 0);
}

TEST(CategorizeCommand, HandWrittenDocumentsGetSensibleCategories) {
  const std::string input =
      document("match", "Late goal sends United top of the league",
               "The striker scored in the final minute as United beat City 2-1. The manager praised his players "
               "after the match and said the title race was far from over.") +
      document("rates", "Central bank raises interest rates to curb inflation",
               "The bank raised its main rate by a quarter point. Shares fell and the dollar rose as investors "
               "priced in slower growth; economists expect another rise this year.") +
      document("phone", "New smartphone chip promises longer battery life",
               "The processor, built for phones and tablets, runs apps faster and uses less power. The company "
               "said software developers could use its new graphics features.") +
      document("film", "Actress wins best film award",
               "The star of the comedy film won the award at the ceremony, where the director and the band that "
               "wrote the soundtrack were also honoured. The movie opens in cinemas next month.") +
      document("vote", "Government faces vote on immigration bill",
               "Ministers defended the bill in parliament as opposition MPs and the prime minister clashed over "
               "the election promise; the party leader said voters deserved a say.");
  const auto result = run_storyline({"categorize", "-"}, input);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto values = parse_lines(result.out);
  ASSERT_EQ(values.size(), 5u);
  const char* expected[][2] = {
      {"match", "sports"}, {"rates", "economy"}, {"phone", "technology"}, {"film", "entertainment"}, {"vote", "society"}};
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(values[i]["id"], expected[i][0]);
    EXPECT_EQ(values[i]["category"], expected[i][1]) << expected[i][0];
    EXPECT_EQ(values[i]["language"], "en");  // identified from the text
  }
}

TEST(CategorizeCommand, BadLinesAreReportedByNumberAndTheRestStillPrinted) {
  const std::string input = document("a", "Cup final", "The team won the cup final after extra time.") +
                            "this is not json\n\n[1, 2]\n" +
                            R"({"id": "b", "language": "fr", "title": "x", "text": "y"})"
                            "\n";
  const auto result = run_storyline({"categorize"}, input);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("<stdin>:2:"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("<stdin>:4:"), std::string::npos) << result.err;
  const auto values = parse_lines(result.out);
  ASSERT_EQ(values.size(), 2u);
  EXPECT_EQ(values[0]["id"], "a");
  EXPECT_EQ(values[1]["id"], "b");
  EXPECT_EQ(values[1]["language"], "fr");  // the document's own language is kept
}

// Every document of the contest stream gets a category, in whatever language (none is null).
TEST(CategorizeCommand, EveryContestPageGetsACategory) {
  STORYLINE_REQUIRE_SHARED(shared);
  const auto extracted = run_storyline({"extract", shared + "/data/news/telegram-contest-2019-11/2019-11-08T18"});
  ASSERT_EQ(extracted.exit_code, 0) << extracted.err;
  const auto values = parse_lines(extracted.out);
  ASSERT_GT(values.size(), 1000u);
  std::set<std::string> languages;
  for (const auto& value : values) {
    ASSERT_TRUE(value["category"].is_string()) << value["id"] << " (" << value["language"] << ") has no category";
    ASSERT_TRUE(value["is_news"].is_boolean()) << value["id"];
    if (value["language"].is_string()) languages.insert(value["language"].get<std::string>());
  }
  EXPECT_GE(languages.size(), 10u);  // ru, en, es, ar, fr, uk, pt, fa, de, it and more
}

TEST(CategorizeCommand, MissingInputOrModelIsAClearError) {
  const auto missing = run_storyline({"categorize", "/no/such/file.jsonl"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("/no/such/file.jsonl"), std::string::npos);
  const auto no_model = run_storyline({"categorize", "--model", "/no/such/categories.model"}, "{}\n");
  EXPECT_EQ(no_model.exit_code, 1);
  EXPECT_NE(no_model.err.find("/no/such/categories.model"), std::string::npos);
}

TEST(CategorizeCommand, SeedsAreSociety) {
  STORYLINE_REQUIRE_SHARED(shared);
  const auto extracted = run_storyline({"extract", shared + "/seeds"});
  ASSERT_EQ(extracted.exit_code, 0) << extracted.err;
  const auto result = run_storyline({"categorize", "-"}, extracted.out);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto values = parse_lines(result.out);
  ASSERT_EQ(values.size(), 8u);
  for (const auto& value : values) {
    EXPECT_EQ(value["language"], "en");
    // SEEDS-EXPECTED.md: all eight are society, and news.
    EXPECT_EQ(value["category"], "society") << result.out;
    EXPECT_EQ(value["is_news"], true) << result.out;
  }
}
