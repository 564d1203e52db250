// Routes of story_routes.cpp beyond /api/stories (which http_server_test.cpp covers): the stories'
// languages (/api/languages) that the front page offers to choose from, a story's coverage
// chart (/api/stories/{id}/coverage.svg), read back with libxml2's strict parser, and how a
// story's page counts the copies of its articles.
#include <gtest/gtest.h>
#include <httplib.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "serve/parsed_svg.h"
#include "serve/running_server.h"
#include "storyline/store/store.h"

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

void save_story(storyline::store::Store& store, const std::string& id, std::optional<std::string> language) {
  storyline::Story story;
  story.id = id;
  story.storyline_id = "line-" + id;
  story.title = "Story " + id;
  story.language = std::move(language);
  story.first_published = story.last_published = storyline::Timestamp::parse("2019-11-01T12:00:00Z");
  story.article_count = story.publisher_count = 1;
  store.stories().save(story);
}

}  // namespace

// Most stories first, each language once with its count; stories of no known language are not a
// choice (there is no `language` value that would list them).
TEST(StoryRoutes, LanguagesOfTheStoredStoriesWithCounts) {
  RunningServer server(RunningServer::small_server(), [](const std::string& db) {
    const auto opened = storyline::store::open_store(db);
    storyline::store::Store& store = *opened;
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
    const auto opened = storyline::store::open_store(db);
    storyline::store::Store& store = *opened;
    for (const auto& document :
         {article("a1", "alpha.com", "2019-11-01T12:01:00Z"), article("a2", "alpha.com", "2019-11-01T12:04:00Z"),
          article("b1", "beta.com", "2019-11-01T12:15:00Z"), article("c1", "gamma.com", "2019-11-01T12:32:00Z"),
          article("copy", "delta.com", "2019-11-01T12:33:00Z")}) {
      store.documents().upsert(document);
      store.stories().move_article_with_copies(document.id, "quake");
    }
    store.fingerprints().set_duplicate_of("copy", std::string("b1"));
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

namespace {

// A council's water plan as its own site printed it, with the apostrophes a reprint may curl.
const char* kWaterPlan =
    "Lawmakers in the valley's regional parliament approved a new water management plan on Tuesday after months "
    "of debate over rising prices and dry summers that emptied the region's reservoirs.\n\n"
    "The plan sets aside funds for repairing the network's leaking pipes, builds two storage basins near the "
    "river's delta and caps what farms may draw from wells during droughts, the ministry's officials said.\n\n"
    "Opposition members said the caps came too late for growers who lost last year's harvests, while the "
    "environment minister called the vote a turning point for the region's rivers and lakes. \"It's a plan "
    "that doesn't wait for the next drought,\" she said.";

json water_record(const std::optional<std::string>& url, const std::optional<std::string>& site_name,
                  const std::optional<std::string>& domain, const std::string& text) {
  json record = {{"title", "Regional parliament approves water plan after months of debate"},
                 {"text", text},
                 {"published", "2024-05-14T09:30:00Z"},
                 {"language", "en"}};
  if (url) record["url"] = *url;
  if (site_name) record["site_name"] = *site_name;
  if (domain) record["domain"] = *domain;
  return record;
}

}  // namespace

// Issue 13: one article stored five times (its page, the site's mobile host, a record naming only
// the site, a record naming only its domain, a syndicator that curls the apostrophes) beside
// another publisher's report of the same event is a story of 2 articles and 3 publishers, with
// the heat of two reports: the record naming its site and the one naming its domain were two
// more publishers (one listed as a second "Valley Times"), and the curled reprint a third article.
TEST(StoryRoutes, CopiesCountOnceUnderTheirPublishersInTheStoryAndItsChart) {
  RunningServer server;
  auto client = server.client();
  std::string curled = kWaterPlan;
  for (size_t at = curled.find('\''); at != std::string::npos; at = curled.find('\'', at)) curled.replace(at, 1, "\u2019");
  std::string body;
  for (const json& record :
       {water_record("https://www.valleytimes.com/politics/water-plan", "Valley Times", std::nullopt, kWaterPlan),
        water_record("https://m.valleytimes.com/politics/water-plan", std::nullopt, std::nullopt, kWaterPlan),
        water_record(std::nullopt, "Valley Times", std::nullopt, std::string(kWaterPlan) + "\n\nValley Times"),
        water_record(std::nullopt, std::nullopt, "valleytimes.com", std::string(kWaterPlan) + "\n\nvalleytimes.com"),
        water_record("https://news.wirehub.net/valley-water-plan", "Wire Hub", std::nullopt, curled),
        json{{"url", "https://www.agrireport.org/news/valley-water-caps"},
             {"site_name", "Agri Report"},
             {"title", "Farmers criticise the valley's water plan caps"},
             {"text",
              "The valley's farmers union criticised the water plan passed by the regional parliament on Tuesday, "
              "saying caps on wells during droughts would force growers to leave fields fallow.\n\nUnion leaders "
              "said the parliament ignored their proposals for storage basins on farmland, and warned that "
              "reservoir levels across the valley remain low after dry summers.\n\nThe environment minister "
              "defended the water plan, saying repairs of leaking pipes and two new basins near the river delta "
              "would keep water prices from rising."},
             {"published", "2024-05-14T15:00:00Z"},
             {"language", "en"}}})
    body += record.dump() + "\n";
  const auto posted = client.Post("/api/articles", body, "application/x-ndjson");
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 201) << posted->body;

  const json stories = json::parse(client.Get("/api/stories?limit=5")->body).at("stories");
  ASSERT_EQ(stories.size(), 1u) << stories.dump();
  const json story = json::parse(client.Get("/api/stories/" + stories[0].at("id").get<std::string>())->body);
  EXPECT_EQ(story.at("article_count"), 2) << "copies are not articles";
  EXPECT_EQ(story.at("copy_count"), 4);
  EXPECT_EQ(story.at("publisher_count"), 3) << story.at("coverage").dump();
  EXPECT_EQ(stories[0].at("publisher_count"), 3) << "the list says what the story page says";
  EXPECT_EQ(story.at("publishers"), json({"Valley Times", "Agri Report", "Wire Hub"}));
  std::map<std::string, std::pair<int, int>> coverage;
  for (const json& row : story.at("coverage")) coverage[row.at("key")] = {row.at("articles"), row.at("copies")};
  EXPECT_EQ(coverage, (std::map<std::string, std::pair<int, int>>{{"valleytimes.com", {1, 3}},
                                                                  {"agrireport.org", {1, 0}},
                                                                  {"wirehub.net", {0, 1}}}));
  ASSERT_EQ(story.at("articles").size(), 2u);
  for (const json& article : story.at("articles")) {
    if (article.at("url") != "https://www.valleytimes.com/politics/water-plan") continue;
    EXPECT_EQ(article.at("copy_count"), 4);
    ASSERT_EQ(article.at("also_published_by").size(), 1u) << article.at("also_published_by").dump();
    EXPECT_EQ(article.at("also_published_by")[0].at("key"), "wirehub.net");
  }
  // Two reports by two publishers within the day.
  EXPECT_NEAR(story.at("heat_parts").at("publishers").get<double>(), 3.0 * std::log(3.0), 1e-9);
  EXPECT_NEAR(story.at("heat_parts").at("velocity").get<double>(), std::log(3.0) - std::log(2.0), 1e-9);

  const auto chart = client.Get("/api/stories/" + story.at("id").get<std::string>() + "/coverage.svg");
  ASSERT_TRUE(chart);
  const auto svg = storyline::testing::parse_svg(chart->body);
  ASSERT_TRUE(svg) << chart->body;
  EXPECT_EQ(svg->legend, (std::vector<std::string>{"Valley Times", "Agri Report", "Wire Hub"}));
  EXPECT_NE(svg->title.find("2 articles and 4 copies per hour"), std::string::npos) << svg->title;

  // Search finds each stored copy as itself, and says whose copy it is ("emptied": a word only
  // the copied report has, whatever the store stems).
  const json found = json::parse(client.Get("/api/search?q=emptied")->body).at("articles");
  ASSERT_EQ(found.size(), 5u) << found.dump();
  size_t copies_found = 0;
  for (const json& hit : found) copies_found += !hit.at("duplicate_of").is_null();
  EXPECT_EQ(copies_found, 4u) << found.dump();
}
