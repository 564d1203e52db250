// GET /api/sources, and the server's background poller (ServerOptions::poll_sources) storing a
// local feed's items through the server's own writer.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "sources/feed_server.h"
#include "storyline/serve/http_server.h"
#include "storyline/store/sqlite_store.h"

using namespace storyline;
using nlohmann::json;

namespace {

struct ServedStore {
  std::string db =
      (std::filesystem::temp_directory_path() / ("storyline-sources-api-" + std::to_string(getpid()) + ".db")).string();
  ~ServedStore() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  }
};

}  // namespace

TEST(SourceRoutes, ServerPollsSourcesAndListsTheirHealth) {
  storyline::testing::FeedServer feeds;
  feeds.serve("/feed.rss",
              "<rss version=\"2.0\"><channel><title>Local</title><item><title>Harbour opens new breakwater</title>"
              "<guid>served-1</guid><description>The harbour authority opened the new breakwater on Tuesday."
              "</description></item></channel></rss>");
  feeds.on("/broken.rss", [](const httplib::Request&, httplib::Response& response) { response.status = 500; });
  ServedStore served;
  {
    store::SqliteStore store(served.db);
    for (const char* path : {"/feed.rss", "/broken.rss"}) {
      store::SourceRecord source;
      source.url = feeds.url(path);
      source.name = std::string("Local ") + path;
      store.sources().add(source);
    }
  }
  serve::ServerOptions options;
  options.db = served.db;
  options.poll_sources = true;
  options.poller.http.total_timeout_ms = 1000;
  options.poller.fetch.min_host_delay = std::chrono::milliseconds(0);
  options.poller.fetch.retry_base_delay = std::chrono::milliseconds(10);
  options.poller.fetch.max_retries = 1;
  auto server = std::make_unique<serve::HttpServer>(options);
  const int port = server->bind_any_port();
  std::thread thread([&] { server->listen_after_bind(); });
  for (int i = 0; i < 200 && !server->is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  httplib::Client client("127.0.0.1", port);

  json sources;
  for (int i = 0; i < 300; ++i) {
    const auto answer = client.Get("/api/sources");
    ASSERT_TRUE(answer);
    ASSERT_EQ(answer->status, 200);
    sources = json::parse(answer->body)["sources"];
    if (sources.size() == 2 && !sources[0]["last_fetch"].is_null() && !sources[1]["last_fetch"].is_null()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
  }
  ASSERT_EQ(sources.size(), 2u);
  EXPECT_EQ(sources[0]["url"], feeds.url("/feed.rss"));
  EXPECT_EQ(sources[0]["name"], "Local /feed.rss");
  EXPECT_EQ(sources[0]["last_status"], 200);
  EXPECT_EQ(sources[0]["last_outcome"], "ok");
  EXPECT_EQ(sources[0]["items_seen"], 1);
  EXPECT_EQ(sources[0]["consecutive_errors"], 0);
  EXPECT_EQ(sources[1]["last_status"], 500);
  EXPECT_EQ(sources[1]["last_outcome"], "error");
  EXPECT_EQ(sources[1]["consecutive_errors"], 1);
  EXPECT_EQ(sources[1]["last_error"], "HTTP 500");
  EXPECT_EQ(sources[1]["last_attempts"], 2);
  EXPECT_FALSE(sources[1]["next_due"].is_null());

  const auto article = client.Get("/api/articles/served-1");
  ASSERT_TRUE(article);
  EXPECT_EQ(article->status, 200);
  EXPECT_EQ(json::parse(article->body)["title"], "Harbour opens new breakwater");

  // The web page has a Sources view over this API (its script is /app.js).
  const auto page = client.Get("/");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("#/sources"), std::string::npos);
  const auto script = client.Get("/app.js");
  ASSERT_TRUE(script);
  EXPECT_NE(script->body.find("getJson(\"/api/sources\")"), std::string::npos);

  server->stop();
  thread.join();
  server.reset();
}
