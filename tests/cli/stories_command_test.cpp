// `storyline stories` over a store made by `storyline ingest` of the seeds: JSON Lines with the
// fields of INTERFACE.md, and front-matter records in seeds/000's layout.
#include <gtest/gtest.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/cli_runner.h"
#include "test_paths.h"

using namespace storyline::testing;
using nlohmann::json;

namespace {

struct SeedStore {
  std::string path =
      (std::filesystem::temp_directory_path() / ("storyline-stories-" + std::to_string(getpid()) + ".db")).string();
  ~SeedStore() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  }
};

std::vector<json> json_lines(const std::string& text) {
  std::vector<json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(json::parse(line));
  return lines;
}

}  // namespace

TEST(StoriesCommand, SeedsBecomeRankedStoriesInBothFormats) {
  STORYLINE_REQUIRE_SHARED(shared);
  SeedStore store;
  const auto ingested = run_storyline({"ingest", "--db", store.path, shared + "/seeds"});
  ASSERT_EQ(ingested.exit_code, 0) << ingested.err;

  const auto listed = run_storyline({"stories", "--db", store.path, "--json", "--limit", "50"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  const auto stories = json_lines(listed.out);
  ASSERT_GE(stories.size(), 2u);
  size_t articles = 0;
  double previous_heat = 1e300;
  bool previous_dated = true;
  for (const json& story : stories) {
    for (const char* field : {"id", "title", "summary", "heat", "category", "language", "first_published", "last_published",
                              "storyline", "articles"})
      EXPECT_TRUE(story.contains(field)) << field << " missing in " << story.dump().substr(0, 200);
    EXPECT_TRUE(story["summary"].is_array());
    EXPECT_FALSE(story["summary"].empty()) << story["title"];
    EXPECT_EQ(story["category"], "society") << story["title"];
    EXPECT_EQ(story["language"], "en");
    EXPECT_TRUE(story.contains("heat_parts")) << "the heat explains itself";
    for (const auto& topic : story["topics"]) {
      EXPECT_NE(topic, "Computer Vision");
      EXPECT_NE(topic, "AI");
    }
    // Hottest first (undated stories, with no recency, come after dated ones).
    const bool dated = !story["last_published"].is_null();
    if (dated && previous_dated) {
      EXPECT_LE(story["heat"].get<double>(), previous_heat);
    }
    EXPECT_FALSE(dated && !previous_dated) << "a dated story after an undated one";
    previous_heat = story["heat"].get<double>();
    previous_dated = dated;
    articles += story["articles"].size();
  }
  EXPECT_EQ(articles, 8u) << "every seed document (000 holds four) is in exactly one story";

  const auto society = run_storyline({"stories", "--db", store.path, "--json", "--category", "sports"});
  EXPECT_EQ(society.exit_code, 0);
  EXPECT_TRUE(society.out.empty()) << "no sports story among the seeds";
  const auto unknown = run_storyline({"stories", "--db", store.path, "--category", "gossip"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("(society, economy, technology, science, sports, entertainment, other)"), std::string::npos)
      << unknown.err;

  const auto records = run_storyline({"stories", "--db", store.path, "--format", "yaml", "--limit", "1"});
  ASSERT_EQ(records.exit_code, 0) << records.err;
  ASSERT_TRUE(records.out.starts_with("---\n")) << records.out.substr(0, 100);
  const std::string front = records.out.substr(4, records.out.find("\n---", 4) - 4);
  const YAML::Node record = YAML::Load(front);
  for (const char* field :
       {"title", "excerpt", "publishedDateTime", "webUrl", "provider", "topics", "quality", "heat", "related"})
    EXPECT_TRUE(record[field]) << field << " missing in\n" << front;
  EXPECT_TRUE(record["provider"]["name"]);
  EXPECT_TRUE(record["related"].IsSequence());
  EXPECT_GE(record["related"].size(), 1u) << "the hottest seed story has several articles";
  EXPECT_GE(record["topics"].size(), 2u);
  EXPECT_EQ(run_storyline({"stories", "--db", "/nonexistent/store.db"}).exit_code, 1);
}

// INTERFACE.md: pages that are not news are stored but form no story. The extraction fixtures'
// test pages (lorem ipsum, "Test document title", licence files, the mock exams of a sample feed)
// must not reach the stories, while the fixtures' real articles do.
TEST(StoriesCommand, TestPagesOfTheExtractionFixturesFormNoStory) {
  STORYLINE_REQUIRE_SHARED(shared);
  SeedStore store;
  const std::string readability = shared + "/data/extraction/readability-testpages";
  const std::string mock_exams = shared +
                                 "/data/extraction/extractor-test-fixtures/newspaper4k/tests/data/html/sample_rss.html.gz";
  const auto ingested = run_storyline({"ingest", "--db", store.path, readability, mock_exams});
  ASSERT_NE(ingested.exit_code, 2) << ingested.err;
  const auto listed = run_storyline({"stories", "--db", store.path, "--json", "--limit", "100000"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  const auto stories = json_lines(listed.out);
  ASSERT_GT(stories.size(), 20u) << "the fixtures' real articles form stories";
  auto lower = [](std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
  };
  for (const auto& story : stories)
    for (const auto& article : story.at("articles")) {
      const std::string title = lower(article.value("title", json()).is_string() ? article["title"].get<std::string>() : "");
      const std::string text = lower(article.value("text", json()).is_string() ? article["text"].get<std::string>() : "");
      const std::string source = article.value("source", "");
      EXPECT_EQ(text.find("lorem ipsum"), std::string::npos) << source;
      EXPECT_EQ(title.find("mock test"), std::string::npos) << source;
      EXPECT_NE(title, "test document title") << source;
      EXPECT_EQ(source.find("LICENSE"), std::string::npos) << source;
    }
}

// --offset gives the next page of the same ranking; --since takes ISO 8601 or Unix seconds and
// refuses anything else.
TEST(StoriesCommand, OffsetPagesAndSinceIsChecked) {
  STORYLINE_REQUIRE_SHARED(shared);
  SeedStore store;
  ASSERT_EQ(run_storyline({"ingest", "--db", store.path, shared + "/seeds"}).exit_code, 0);
  const auto all = json_lines(run_storyline({"stories", "--db", store.path, "--json", "--limit", "50"}).out);
  ASSERT_GE(all.size(), 3u);
  const auto second = json_lines(
      run_storyline({"stories", "--db", store.path, "--json", "--limit", "2", "--offset", "1"}).out);
  ASSERT_EQ(second.size(), 2u);
  EXPECT_EQ(second[0]["id"], all[1]["id"]);
  EXPECT_EQ(second[1]["id"], all[2]["id"]);
  // Seed 000's story ends 2021-10-10T21:58:00Z (1633903080); the other seeds are undated.
  const auto recent = json_lines(run_storyline({"stories", "--db", store.path, "--json", "--since", "1633903080"}).out);
  ASSERT_EQ(recent.size(), 1u);
  EXPECT_EQ(recent[0]["last_published"], "2021-10-10T21:58:00Z");
  EXPECT_EQ(
      json_lines(run_storyline({"stories", "--db", store.path, "--json", "--since", "2021-10-10T21:58:01Z"}).out).size(),
      0u);
  const auto bad = run_storyline({"stories", "--db", store.path, "--since", "last week"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("ISO 8601"), std::string::npos) << bad.err;
}
