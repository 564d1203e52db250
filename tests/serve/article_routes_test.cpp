// POST /api/articles and GET /api/articles/{id} against a running server: what one client's write
// and next read see (issue 16).
#include <gtest/gtest.h>

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "serve/running_server.h"

using nlohmann::json;
using storyline::testing::RunningServer;

namespace {

const char* kWireTitle = "Regional parliament approves water plan after months of debate";
const char* kWireText =
    "Lawmakers in the regional parliament approved a new water management plan on Tuesday after months of "
    "debate over rising prices and dry summers that emptied reservoirs across the valley.\n\n"
    "The plan sets aside funds for repairing leaking pipes, builds two storage basins near the river delta "
    "and caps what farms may draw from wells during droughts, officials said.\n\n"
    "Opposition members said the caps came too late for growers who lost harvests last year, while the "
    "environment minister called the vote a turning point for the region's rivers and lakes.";

// The wire story as one publisher pushes it: no URL and no id of its own, so its id is derived.
std::string wire_record(const std::string& publisher_field) {
  json record = {{"title", kWireTitle}, {"text", kWireText}, {"published", "2024-05-14T09:30:00Z"}};
  if (!publisher_field.empty()) record.update(json::parse("{" + publisher_field + "}"));
  return record.dump();
}

}  // namespace

// Before, the same title and text from two publishers got one id: the second POST was taken for
// the first (answered with its id, stored nowhere), and the second publisher never counted.
TEST(ArticleRoutes, TheSameWireStoryFromTwoPublishersIsTwoDocuments) {
  RunningServer server;
  auto client = server.client();
  const auto post = [&](const std::string& body) {
    const auto answer = client.Post("/api/articles", body, "application/json");
    EXPECT_TRUE(answer);
    if (!answer) return std::string();
    EXPECT_EQ(answer->status, 201) << answer->body;
    return json::parse(answer->body).at("id").get<std::string>();
  };
  const std::string valley = post(wire_record(R"("domain": "valleytimes.com", "site_name": "Valley Times")"));
  const std::string hilltop = post(wire_record(R"("source": "Hilltop Herald")"));
  ASSERT_NE(valley, hilltop) << "two publishers' copies share an id";
  EXPECT_EQ(post(wire_record(R"("domain": "valleytimes.com", "site_name": "Valley Times")")), valley)
      << "a re-ingest keeps its id";

  // One story: the first publisher's article and the other's copy.
  const json stories = json::parse(client.Get("/api/stories?limit=5")->body).at("stories");
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].at("article_count"), 1);
  EXPECT_EQ(stories[0].at("copy_count"), 1);
  EXPECT_EQ(stories[0].at("publisher_count"), 2);

  const auto article = [&](const std::string& id) {
    const auto answer = client.Get("/api/articles/" + id);
    EXPECT_TRUE(answer);
    if (!answer) return json();
    EXPECT_EQ(answer->status, 200) << id;
    return json::parse(answer->body);
  };
  const json first = article(valley), copy = article(hilltop);
  EXPECT_EQ(first.at("publisher").at("key"), "valleytimes.com");
  EXPECT_EQ(copy.at("publisher").at("key"), "site:hilltop herald");
  EXPECT_TRUE(first.at("duplicate_of").is_null());
  EXPECT_EQ(copy.at("duplicate_of"), valley) << "the later publisher's is a copy of the first";
  EXPECT_EQ(first.at("story").at("id"), stories[0].at("id"));
  EXPECT_EQ(copy.at("story"), first.at("story")) << "a copy is in its original's story";
}

// A record that names no publisher keeps the id of its content alone: sent twice, it is one
// document, and ids stored before publishers took part do not change.
TEST(ArticleRoutes, ARecordWithoutPublisherSentTwiceIsOneDocument) {
  RunningServer server;
  auto client = server.client();
  const auto first = client.Post("/api/articles", wire_record(""), "application/json");
  const auto again = client.Post("/api/articles", wire_record(""), "application/json");
  ASSERT_TRUE(first && again);
  ASSERT_EQ(first->status, 201) << first->body;
  ASSERT_EQ(again->status, 201) << again->body;
  EXPECT_EQ(json::parse(first->body).at("id"), json::parse(again->body).at("id"));
  const json stories = json::parse(client.Get("/api/stories?limit=5")->body).at("stories");
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].at("article_count"), 1);
  EXPECT_EQ(stories[0].at("copy_count"), 0);
}
