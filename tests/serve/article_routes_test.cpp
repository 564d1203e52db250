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

// Reports of unrelated events: each makes a story of its own.
const std::vector<std::pair<std::string, std::string>> kUnrelatedReports = {
    {"Magnitude 6.4 earthquake shakes northern Albania",
     "A magnitude 6.4 earthquake struck northern Albania before dawn on Tuesday, collapsing buildings in Durres "
     "and Thumane, the seismological institute said. Rescuers searched the rubble for survivors."},
    {"Central bank raises interest rates to curb inflation",
     "The central bank raised its main interest rate by half a percentage point on Thursday, saying consumer "
     "prices rose faster than expected in October. Markets had expected a smaller increase."},
    {"Striking rail workers halt trains across the country",
     "Rail workers walked out on Monday in a dispute over pay and pensions, halting most passenger and freight "
     "trains, the union said. Talks with the transport ministry broke down on Sunday night."},
    {"Wildfire forces thousands to flee homes near the coast",
     "A wildfire driven by strong winds forced more than 4,000 people to leave their homes near the coast on "
     "Saturday, fire officials said. Three firefighters were treated for smoke inhalation."},
    {"Football club sacks manager after sixth straight defeat",
     "The club dismissed its manager on Sunday after a sixth consecutive league defeat left the team bottom of "
     "the table. An assistant coach will lead the side in Wednesday's cup match."},
    {"Parliament passes law to protect whistleblowers",
     "Lawmakers passed a bill on Wednesday that shields employees who report fraud from dismissal, after a "
     "year of hearings. The president is expected to sign it into law next week."},
};

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

// The server writes a story's record just after answering the POST (server_state.h); the article
// was shown with "story": null until it had, for up to the upkeep's 200 ms. Each report below
// founds a story of its own, so each read comes before its story's record is written unless the
// read waits for it.
TEST(ArticleRoutes, AnArticleIsInItsStoryAsSoonAsItsPostIsAnswered) {
  RunningServer server;
  auto client = server.client();
  for (size_t i = 0; i < kUnrelatedReports.size(); ++i) {
    const auto& [title, text] = kUnrelatedReports[i];
    const json record = {{"title", title},
                         {"text", text},
                         {"url", "https://example.com/news/" + std::to_string(i)},
                         {"published", "2024-05-14T09:30:00Z"}};
    const auto posted = client.Post("/api/articles", record.dump(), "application/json");
    ASSERT_TRUE(posted);
    ASSERT_EQ(posted->status, 201) << posted->body;
    const std::string id = json::parse(posted->body).at("id");
    const auto read = client.Get("/api/articles/" + id);
    ASSERT_TRUE(read);
    ASSERT_EQ(read->status, 200) << read->body;
    const json article = json::parse(read->body);
    ASSERT_EQ(article.at("is_news"), true) << title << " was not taken for news: no story to expect";
    ASSERT_FALSE(article.at("story").is_null()) << title << ": read right after its POST, without its story";
    EXPECT_EQ(article.at("story").at("article_count"), 1) << title;
    EXPECT_FALSE(article.at("story").at("title").is_null()) << title;
  }
}
