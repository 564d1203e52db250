// End to end through the built executable: one article ingested three times (its own site, the
// mobile host of the same site, and a syndicating publisher) is one article of one story, with
// two publishers listed and the heat of one report.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli/cli_runner.h"

using namespace storyline::testing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct TempFolder {
  fs::path path = fs::temp_directory_path() / ("storyline-copies-" + std::to_string(getpid()));
  TempFolder() { fs::create_directories(path); }
  ~TempFolder() { fs::remove_all(path); }
};

const char* kText =
    "Lawmakers in the regional parliament approved a new water management plan on Tuesday after months of "
    "debate over rising prices and dry summers that emptied reservoirs across the valley.\n\n"
    "The plan sets aside funds for repairing leaking pipes, builds two storage basins near the river delta "
    "and caps what farms may draw from wells during droughts, officials said.\n\n"
    "Opposition members said the caps came too late for growers who lost harvests last year, while the "
    "environment minister called the vote a turning point for the region's rivers and lakes.";

json record(const std::string& url, const std::optional<std::string>& site_name, const std::string& text) {
  json value = {{"url", url},
                {"title", "Regional parliament approves water plan after months of debate"},
                {"text", text},
                {"published", "2024-05-14T09:30:00Z"},
                {"language", "en"}};
  if (site_name) value["site_name"] = *site_name;
  return value;
}

}  // namespace

TEST(CopiesEndToEnd, OneArticleThreeTimesIsOneArticleWithTwoPublishers) {
  TempFolder folder;
  const fs::path input = folder.path / "copies.jsonl";
  {
    std::ofstream out(input);
    out << record("https://www.valleynews.co.uk/politics/water-plan", "Valley News", kText).dump() << "\n";
    out << record("https://m.valleynews.co.uk/politics/water-plan", std::nullopt, kText).dump() << "\n";
    out << record("https://news.wirehub.com/valley-water-plan", "Wire Hub",
                  std::string(kText) + "\n\nThis story was first published by Valley News.")
               .dump()
        << "\n";
  }
  const std::string db = (folder.path / "store.db").string();
  const auto ingested = run_storyline({"ingest", "--db", db, input.string()});
  ASSERT_EQ(ingested.exit_code, 0) << ingested.err;
  EXPECT_NE(ingested.err.find("2 copies"), std::string::npos) << ingested.err;

  const auto listed = run_storyline({"stories", "--db", db, "--json"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  std::vector<json> stories;
  std::istringstream lines(listed.out);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) stories.push_back(json::parse(line));
  ASSERT_EQ(stories.size(), 1u) << listed.out;
  const json& story = stories[0];

  EXPECT_EQ(story["article_count"], 1) << "copies are not articles";
  EXPECT_EQ(story["copy_count"], 2);
  EXPECT_EQ(story["publisher_count"], 2) << "www. and m. are one publisher; the syndicator is another";
  EXPECT_EQ(story["publishers"], json({"Valley News", "Wire Hub"}));
  ASSERT_EQ(story["articles"].size(), 1u);
  const json& article = story["articles"][0];
  EXPECT_EQ(article["url"], "https://www.valleynews.co.uk/politics/water-plan");
  EXPECT_EQ(article["publisher"], json({{"key", "valleynews.co.uk"}, {"name", "Valley News"}}));
  EXPECT_EQ(article["copy_count"], 2);
  ASSERT_EQ(article["also_published_by"].size(), 1u);
  EXPECT_EQ(article["also_published_by"][0]["key"], "wirehub.com");
  EXPECT_EQ(article["also_published_by"][0]["name"], "Wire Hub");
  EXPECT_EQ(article["also_published_by"][0]["url"], "https://news.wirehub.com/valley-water-plan");

  // The heat of one report by one publisher: ln(1 + 1) for publishers, no burst.
  EXPECT_NEAR(story["heat_parts"]["publishers"].get<double>(), 3.0 * std::log(2.0), 1e-9);
  EXPECT_NEAR(story["heat_parts"]["velocity"].get<double>(), 0.0, 1e-9);

  std::map<std::string, std::pair<int, int>> coverage;
  for (const json& row : story["coverage"]) coverage[row["name"]] = {row["articles"], row["copies"]};
  EXPECT_EQ(coverage, (std::map<std::string, std::pair<int, int>>{{"Valley News", {1, 1}}, {"Wire Hub", {0, 1}}}));

  const auto text = run_storyline({"stories", "--db", db});
  EXPECT_NE(text.out.find("2 publishers · 1 articles"), std::string::npos) << text.out;
}
