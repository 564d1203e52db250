// Routes of story_routes.cpp beyond /api/stories (which http_server_test.cpp covers): the stories'
// languages (/api/languages) that the front page offers to choose from.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "serve/running_server.h"
#include "storyline/store/document_store.h"

using nlohmann::json;
using storyline::testing::RunningServer;

namespace {

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
