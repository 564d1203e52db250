// What the route handlers share (server_state.h): readers answer from the last committed records
// on their own connections, never waiting for the writer (issue 16: a 15 MB article made the next
// /api/stories take 4.6 s, as readers rewrote stale story records under the writer's lock).
#include "storyline/serve/server_state.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "storyline/serve/router.h"
#include "storyline/serve/routes.h"
#include "temp_store.h"

using namespace storyline::serve;
using nlohmann::json;

namespace {

std::string report(const std::string& title, const std::string& text, const std::string& url) {
  return json{{"title", title}, {"text", text}, {"url", url}, {"published", "2024-05-14T09:30:00Z"}}.dump();
}

const std::string kEarthquake =
    report("Magnitude 6.4 earthquake shakes northern Albania",
           "A magnitude 6.4 earthquake struck northern Albania before dawn on Tuesday, collapsing buildings in Durres "
           "and Thumane, the seismological institute said. Rescuers searched the rubble for survivors.",
           "https://example.com/news/earthquake");
const std::string kRates =
    report("Central bank raises interest rates to curb inflation",
           "The central bank raised its main interest rate by half a percentage point on Thursday, saying consumer "
           "prices rose faster than expected in October. Markets had expected a smaller increase.",
           "https://example.com/news/rates");

json get(Router& router, const std::string& target) {
  Request request;
  request.method = "GET";
  request.target = target;
  split_target(request);
  const Router::Route* route = router.find(request);
  if (!route) return nullptr;
  Response response;
  route->handler(request, response);
  return json::parse(*response.body);
}

}  // namespace

// A write holds the writer (its probe waits inside it) until the reads are done: the reads must
// answer meanwhile, from what the last write committed, its story included. Before, a read first
// rewrote the records the last write left stale, under the writer's lock, and so waited for the
// write in progress.
TEST(ServerState, ReadsAreAnsweredWhileAWriteHoldsTheWriter) {
  storyline::testing::TempStore store("state");
  ServerOptions options;
  options.db = store.path;
  ServerState state(options);
  Router router;
  install_article_routes(router, state);
  install_story_routes(router, state);

  const auto first = state.ingest_body(kEarthquake, "api", std::nullopt, std::nullopt, std::nullopt);
  ASSERT_EQ(first.size(), 1u);

  std::promise<void> writer_holds, reads_done;
  std::atomic<bool> armed{true};
  bool reads_came_first = false;
  state.set_write_probe([&] {
    if (!armed.exchange(false)) return;
    writer_holds.set_value();
    // Waits for the reads, not for a time: a read that waited for this write would never come,
    // and the bound only keeps that failure from hanging the test.
    reads_came_first = reads_done.get_future().wait_for(std::chrono::seconds(30)) == std::future_status::ready;
  });
  std::thread writer([&] { state.ingest_body(kRates, "api", std::nullopt, std::nullopt, std::nullopt); });
  writer_holds.get_future().wait();

  const json stories = get(router, "/api/stories?limit=10").at("stories");
  const json article = get(router, "/api/articles/" + first.front().id);
  reads_done.set_value();
  writer.join();

  EXPECT_TRUE(reads_came_first) << "the reads waited for the write in progress";
  ASSERT_EQ(stories.size(), 1u) << "the committed story, and not yet the one being written: " << stories.dump();
  EXPECT_EQ(stories[0].at("title"), "Magnitude 6.4 earthquake shakes northern Albania");
  ASSERT_FALSE(article.at("story").is_null()) << "the story of an article acknowledged before";
  EXPECT_EQ(article.at("story").at("article_count"), 1);
  // Once the write is answered, its story is read too.
  EXPECT_EQ(get(router, "/api/stories?limit=10").at("stories").size(), 2u);
}
