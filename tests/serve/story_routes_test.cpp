// Routes of story_routes.cpp beyond /api/stories (which http_server_test.cpp covers): the stories'
// languages (/api/languages) that the front page offers to choose from, and a story's coverage
// chart (/api/stories/{id}/coverage.svg), read back with libxml2's strict parser.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "serve/parsed_svg.h"
#include "serve/running_server.h"
#include "storyline/store/document_store.h"

using nlohmann::json;
using storyline::testing::RunningServer;

namespace {

storyline::Document article(const std::string& id, const std::string& domain, const std::string& published) {
  storyline::Document document;
  document.id = id;
  document.source = "test";
  document.url = "https://" + domain + "/" + id;
  document.title = "Report " + id;
  document.text = "Text of " + id + ".";
  document.published = published;
  document.language = "en";
  document.is_news = true;
  return document;
}

void save_story(storyline::store::DocumentStore& store, const std::string& id, std::optional<std::string> language) {
  storyline::store::StoryRecord story;
  story.id = id;
  story.storyline_id = "line-" + id;
  story.title = "Story " + id;
  story.language = std::move(language);
  story.first_published = story.last_published = "2019-11-01T12:00:00Z";
  story.article_count = story.publisher_count = 1;
  store.save_story(story);
}

}  // namespace

// Most stories first, each language once with its count; stories of no known language are not a
// choice (there is no `language` value that would list them).
TEST(StoryRoutes, LanguagesOfTheStoredStoriesWithCounts) {
  RunningServer server(RunningServer::small_server(), [](const std::string& db) {
    storyline::store::DocumentStore store(db);
    save_story(store, "en-1", "en");
    save_story(store, "ru-1", "ru");
    save_story(store, "en-2", "en");
    save_story(store, "de-1", "de");
    save_story(store, "ru-2", "ru");
    save_story(store, "en-3", "en");
    save_story(store, "unknown", std::nullopt);
  });
  auto client = server.client();
  const auto answer = client.Get("/api/languages");
  ASSERT_TRUE(answer);
  ASSERT_EQ(answer->status, 200) << answer->body;
  EXPECT_EQ(answer->get_header_value("Content-Type"), "application/json; charset=utf-8");
  const json expected = json::parse(R"({"languages": [{"language": "en", "stories": 3},
    {"language": "ru", "stories": 2}, {"language": "de", "stories": 1}]})");
  EXPECT_EQ(json::parse(answer->body), expected);
  // Each language offered lists exactly its count of stories.
  for (const json& language : expected.at("languages")) {
    const std::string code = language.at("language");
    const json stories = json::parse(client.Get("/api/stories?limit=500&language=" + code)->body).at("stories");
    EXPECT_EQ(stories.size(), language.at("stories").get<size_t>()) << code;
  }
}

TEST(StoryRoutes, AnEmptyStoreHasNoLanguages) {
  RunningServer server;
  const auto answer = server.client().Get("/api/languages");
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 200);
  EXPECT_EQ(json::parse(answer->body), json::parse(R"({"languages": []})"));
}

// Four articles of three publishers over half an hour and a copy another publisher printed: one
// bar per ten minutes, each counting what came out then, stacked by publisher.
TEST(StoryRoutes, CoverageChartCountsArticlesAndCopiesOverTime) {
  RunningServer server(RunningServer::small_server(), [](const std::string& db) {
    storyline::store::DocumentStore store(db);
    for (const auto& document :
         {article("a1", "alpha.com", "2019-11-01T12:01:00Z"), article("a2", "alpha.com", "2019-11-01T12:04:00Z"),
          article("b1", "beta.com", "2019-11-01T12:15:00Z"), article("c1", "gamma.com", "2019-11-01T12:32:00Z"),
          article("copy", "delta.com", "2019-11-01T12:33:00Z")}) {
      store.upsert(document);
      store.set_story_of(document.id, "quake");
    }
    store.set_duplicate_of("copy", std::string("b1"));
    save_story(store, "quake", "en");
  });
  auto client = server.client();
  const auto answer = client.Get("/api/stories/quake/coverage.svg");
  ASSERT_TRUE(answer);
  ASSERT_EQ(answer->status, 200) << answer->body;
  EXPECT_EQ(answer->get_header_value("Content-Type"), "image/svg+xml; charset=utf-8");
  EXPECT_NE(answer->get_header_value("Content-Security-Policy").find("default-src 'none'"), std::string::npos);
  const auto svg = storyline::testing::parse_svg(answer->body);
  ASSERT_TRUE(svg) << answer->body;
  ASSERT_EQ(svg->bars.size(), 4u);
  std::vector<size_t> counts;
  for (const auto& bar : svg->bars) counts.push_back(bar.count);
  EXPECT_EQ(counts, (std::vector<size_t>{2, 1, 0, 2}));
  EXPECT_EQ(svg->bars[0].start, "2019-11-01T12:00:00Z");
  EXPECT_EQ(svg->legend, (std::vector<std::string>{"alpha.com", "beta.com", "delta.com", "gamma.com"}));

  const auto unknown = client.Get("/api/stories/no-such-story/coverage.svg");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  EXPECT_EQ(client.Get("/api/stories/quake")->status, 200) << "the story itself is still its own route";
  const std::string metrics = client.Get("/metrics")->body;
  EXPECT_NE(metrics.find("GET /api/stories/{id}/coverage.svg"), std::string::npos) << "charts are timed apart: " << metrics;
}
