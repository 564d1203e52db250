#include "storyline/serve/http_server.h"
#include "cli/cli_runner.h"
#include "serve/running_server.h"
#include "storyline/core/decompress.h"
#include "temp_store.h"
#include "test_paths.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <sstream>
#include "storyline/core/iso_time.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

using namespace storyline::serve;
using nlohmann::json;
using storyline::testing::RunningServer;

namespace {

const char* kPage =
    "<html><head><title>Taliban talks in Doha</title></head><body><article><h1>Taliban talks in Doha</h1>"
    "<p>U.S. officials held their first face-to-face talks with Taliban representatives in Doha on Saturday, "
    "the State Department said.</p><p>The talks focused on humanitarian aid and on evacuations from Kabul.</p>"
    "</article></body></html>";

}  // namespace

TEST(HttpServer, HealthAndPage) {
  RunningServer server;
  auto client = server.client();
  auto health = client.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  auto page = client.Get("/");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("<title>Storyline</title>"), std::string::npos);
}

TEST(HttpServer, PostArticleThenReadAndSearchIt) {
  RunningServer server;
  auto client = server.client();
  auto posted = client.Post("/api/articles?url=https://www.rferl.org/a/talks/1.html", kPage, "text/html");
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 201) << posted->body;
  const std::string id = json::parse(posted->body).at("id");
  auto article = client.Get("/api/articles/" + id);
  ASSERT_TRUE(article);
  ASSERT_EQ(article->status, 200);
  const json document = json::parse(article->body);
  EXPECT_EQ(document.at("domain"), "rferl.org");
  EXPECT_EQ(document.at("language"), "en");
  auto search = client.Get("/api/search?q=humanitarian");
  ASSERT_TRUE(search);
  ASSERT_EQ(search->status, 200);
  const json results = json::parse(search->body);
  ASSERT_EQ(results.at("articles").size(), 1u);
  EXPECT_NE(results["articles"][0]["snippet"].get<std::string>().find("<b>humanitarian</b>"), std::string::npos);
  // A document JSON works too.
  auto json_post = client.Post(
      "/api/articles", R"({"title": "Second", "text": "Another article about Doha.", "url": "https://example.com/2"})",
      "application/json");
  ASSERT_TRUE(json_post);
  EXPECT_EQ(json_post->status, 201) << json_post->body;
}

TEST(HttpServer, BadInputGets4xxAndNothingIsStored) {
  RunningServer server;
  auto client = server.client();
  auto empty = client.Post("/api/articles", "", "application/json");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 400);
  auto bad_json = client.Post("/api/articles", "{\"title\": ", "application/json");
  ASSERT_TRUE(bad_json);
  EXPECT_EQ(bad_json->status, 400);
  EXPECT_NO_THROW(json::parse(bad_json->body).at("error"));
  auto huge = client.Post("/api/articles", std::string(2 << 20, 'x'), "text/plain");
  ASSERT_TRUE(huge);
  EXPECT_EQ(huge->status, 413);
  auto no_query = client.Get("/api/search");
  ASSERT_TRUE(no_query);
  EXPECT_EQ(no_query->status, 400);
  auto bad_query = client.Get("/api/search?q=%22unterminated");
  ASSERT_TRUE(bad_query);
  EXPECT_EQ(bad_query->status, 400);
  auto missing = client.Get("/api/articles/nope");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  auto traversal = client.Put("/..%2F..%2Fetc%2Fpasswd", kPage, "text/html");
  ASSERT_TRUE(traversal);
  EXPECT_GE(traversal->status, 400);
  EXPECT_LT(traversal->status, 500);
  auto hidden = client.Put("/.hidden", kPage, "text/html");
  ASSERT_TRUE(hidden);
  EXPECT_EQ(hidden->status, 400);
  auto metrics = client.Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("storyline_documents 0"), std::string::npos) << metrics->body;
  EXPECT_NE(metrics->body.find("storyline_stories 0"), std::string::npos) << metrics->body;
  client.Get("/no/such/path/" + std::to_string(getpid()));
  EXPECT_EQ(client.Get("/metrics")->body.find("/no/such/path"), std::string::npos) << "unknown paths share one label";
  EXPECT_NE(metrics->body.find("storyline_http_request_seconds_bucket"), std::string::npos);
  EXPECT_TRUE(client.Get("/healthz")) << "the server keeps serving";
}

TEST(HttpServer, ContestPutDeleteAndTimeToLive) {
  ServerOptions quick_purge = RunningServer::small_server();
  quick_purge.purge_interval_seconds = 1;
  RunningServer server(quick_purge);
  auto client = server.client();
  auto created = client.Put("/article1.html", kPage, "text/html");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->status, 201);
  auto updated = client.Put("/article1.html", kPage, "text/html");
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->status, 204);
  auto stored = client.Get("/api/articles/article1.html");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->status, 200);
  auto removed = client.Delete("/article1.html");
  ASSERT_TRUE(removed);
  EXPECT_EQ(removed->status, 204);
  auto again = client.Delete("/article1.html");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 404);

  httplib::Headers short_life = {{"Cache-Control", "max-age=1"}};
  auto expiring = client.Put("/expiring.html", short_life, kPage, "text/html");
  ASSERT_TRUE(expiring);
  EXPECT_EQ(expiring->status, 201);
  bool gone = false;
  for (int i = 0; i < 60 && !gone; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    gone = client.Get("/api/articles/expiring.html")->status == 404;
  }
  EXPECT_TRUE(gone) << "time to live passed but the article is still there";
}

// A copy of an article that expires or is deleted becomes the article: it keeps the story and
// stays in /threads (issue 16: it was orphaned, in no story).
TEST(HttpServer, CopiesOfARemovedOrExpiredArticleStayInTheirStory) {
  ServerOptions quick_purge = RunningServer::small_server();
  quick_purge.purge_interval_seconds = 1;
  RunningServer server(quick_purge);
  auto client = server.client();
  const auto threads = [&] { return json::parse(client.Get("/threads?period=31536000000")->body).at("threads"); };
  // Long enough for the copies to arrive before it expires, even under a sanitizer.
  ASSERT_EQ(client.Put("/short-lived.html", {{"Cache-Control", "max-age=3"}}, kPage, "text/html")->status, 201);
  ASSERT_EQ(client.Put("/reprint.html", kPage, "text/html")->status, 201);
  ASSERT_EQ(client.Put("/deleted.html", kPage, "text/html")->status, 201);
  EXPECT_EQ(json::parse(client.Get("/api/articles/reprint.html")->body).at("duplicate_of"), "short-lived.html");
  ASSERT_EQ(client.Delete("/deleted.html")->status, 204);
  bool expired = false;
  for (int i = 0; i < 100 && !expired; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    expired = client.Get("/api/articles/short-lived.html")->status == 404;
  }
  ASSERT_TRUE(expired);
  const json reprint = json::parse(client.Get("/api/articles/reprint.html")->body);
  EXPECT_TRUE(reprint.at("duplicate_of").is_null()) << "the copy is the article now";
  ASSERT_FALSE(reprint.at("story").is_null()) << "the copy kept the story";
  EXPECT_EQ(reprint.at("story").at("article_count"), 1);
  ASSERT_EQ(threads().size(), 1u);
  EXPECT_EQ(threads()[0].at("articles"), json::array({"reprint.html"}));
}

TEST(HttpServer, StoriesAndThreadsFollowIngest) {
  RunningServer server;
  auto client = server.client();
  const std::vector<std::pair<std::string, std::string>> pages = {
      {"quake-1.html",
       "<html><head><title>Magnitude 7.1 earthquake strikes near Ridgecrest</title>"
       "<meta property=\"article:published_time\" content=\"2019-07-06T04:20:00Z\"></head><body><article>"
       "<h1>Magnitude 7.1 earthquake strikes near Ridgecrest</h1><p>A magnitude 7.1 earthquake struck near "
       "Ridgecrest in Southern California on Friday night, the US Geological Survey said.</p><p>Kern County fire "
       "officials reported damaged buildings in Ridgecrest and Trona.</p></article></body></html>"},
      {"quake-2.html",
       "<html><head><title>Strong quake rattles Southern California, Ridgecrest hit hardest</title>"
       "<meta property=\"article:published_time\" content=\"2019-07-06T06:00:00Z\"></head><body><article>"
       "<h1>Strong quake rattles Southern California, Ridgecrest hit hardest</h1><p>The 7.1 quake centred near "
       "Ridgecrest shook Los Angeles, the USGS said.</p><p>Kern County sheriff said fires broke out in Ridgecrest and "
       "gas lines ruptured in Trona.</p></article></body></html>"},
  };
  for (const auto& [name, html] : pages) {
    auto put = client.Put("/" + name, html, "text/html");
    ASSERT_TRUE(put);
    ASSERT_EQ(put->status, 201) << put->body;
  }
  auto listed = client.Get("/api/stories?limit=5");
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->status, 200) << listed->body;
  const json stories = json::parse(listed->body).at("stories");
  ASSERT_EQ(stories.size(), 1u) << listed->body;
  EXPECT_EQ(stories[0].at("articles").size(), 2u);
  EXPECT_FALSE(stories[0].at("summary").empty());
  const std::string id = stories[0].at("id");
  const json headlines = json::parse(client.Get("/api/stories?limit=5&text=0")->body).at("stories");
  ASSERT_EQ(headlines.size(), 1u);
  EXPECT_TRUE(headlines[0].at("articles")[0].at("text").is_null()) << "text=0 leaves bodies out";
  EXPECT_FALSE(headlines[0].at("articles")[0].at("title").is_null());
  // A list leaves the story page's parts out unless asked; the story's own answer has them.
  EXPECT_FALSE(stories[0].contains("bullets"));
  EXPECT_FALSE(stories[0].contains("quotes"));
  EXPECT_TRUE(stories[0].contains("publisher_count"));
  EXPECT_TRUE(stories[0].contains("copy_count"));
  for (const char* field : {"publisher", "copy_count", "also_published_by"})
    EXPECT_TRUE(stories[0].at("articles")[0].contains(field)) << "each article lists its sources: " << field;
  const json article = json::parse(client.Get("/api/articles/quake-1.html")->body);
  EXPECT_TRUE(article.at("publisher").contains("key"));
  EXPECT_TRUE(article.at("duplicate_of").is_null());
  // Its own story, so that its page links there whichever page led to it.
  EXPECT_EQ(article.at("story").at("id"), stories[0].at("id"));
  EXPECT_EQ(article.at("story").at("title"), stories[0].at("title"));
  const json detailed = json::parse(client.Get("/api/stories?limit=5&detail=full")->body).at("stories");
  ASSERT_EQ(detailed.size(), 1u);
  EXPECT_FALSE(detailed[0].at("bullets").empty());
  EXPECT_TRUE(detailed[0].contains("quotes"));
  EXPECT_EQ(detailed[0].at("coverage").size(), detailed[0].at("publisher_count").get<size_t>());
  EXPECT_EQ(client.Get("/api/stories?detail=everything")->status, 400);

  auto one = client.Get("/api/stories/" + id);
  ASSERT_TRUE(one);
  ASSERT_EQ(one->status, 200);
  const json story = json::parse(one->body);
  EXPECT_EQ(story.at("id"), id);
  EXPECT_FALSE(story.at("bullets").empty());
  const json& timeline = story.at("timeline");
  ASSERT_EQ(timeline.size(), 1u) << "the storyline's only story is this one";
  EXPECT_EQ(timeline[0].at("id"), id);
  EXPECT_EQ(timeline[0].at("article_count"), 2);
  EXPECT_EQ(timeline[0].at("first_published"), "2019-07-06T04:20:00Z");
  EXPECT_EQ(client.Get("/api/stories/no-such-story")->status, 404);
  EXPECT_EQ(client.Get("/api/stories?limit=abc")->status, 400);
  const auto unknown_category = client.Get("/api/stories?category=gossip");
  EXPECT_EQ(unknown_category->status, 400);
  EXPECT_NE(unknown_category->body.find("society, economy, technology, science, sports, entertainment, other"),
            std::string::npos)
      << "the answer names every category: " << unknown_category->body;

  auto threads = client.Get("/threads?period=3600&lang_code=en&category=any");
  ASSERT_TRUE(threads);
  ASSERT_EQ(threads->status, 200) << threads->body;
  const json listed_threads = json::parse(threads->body).at("threads");
  ASSERT_EQ(listed_threads.size(), 1u) << "both articles are within the hour before the newest";
  EXPECT_EQ(listed_threads[0].at("articles"), json::array({"quake-1.html", "quake-2.html"}));
  EXPECT_FALSE(listed_threads[0].at("title").get<std::string>().empty());
  EXPECT_EQ(json::parse(client.Get("/threads?period=3600&category=sports")->body).at("threads").size(), 0u);
  const auto unknown_thread_category = client.Get("/threads?category=gossip");
  EXPECT_EQ(unknown_thread_category->status, 400);
  EXPECT_NE(unknown_thread_category->body.find("any, society, economy"), std::string::npos) << unknown_thread_category->body;

  auto search = client.Get("/api/search?q=Ridgecrest");
  ASSERT_TRUE(search);
  EXPECT_EQ(json::parse(search->body).at("stories").size(), 1u);

  auto removed = client.Delete("/quake-2.html");
  ASSERT_TRUE(removed);
  EXPECT_EQ(removed->status, 204);
  const json after = json::parse(client.Get("/api/stories/" + id)->body);
  EXPECT_EQ(after.at("articles").size(), 1u) << "deleting an article updates its story";
}

TEST(HttpServer, ReadersGetCorrectAnswersWhileIngestRuns) {
  RunningServer server;
  auto writer = server.client();
  ASSERT_EQ(writer.Post("/api/articles?url=https://www.rferl.org/a/talks/1.html", kPage, "text/html")->status, 201);
  const std::string known = json::parse(server.client().Get("/api/stories")->body).at("stories").at(0).at("id");
  std::atomic<bool> done{false};
  std::atomic<int> bad_answers{0}, answers{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < 3; ++r)
    readers.emplace_back([&] {
      auto client = server.client();
      while (!done) {
        auto stories = client.Get("/api/stories?limit=50");
        auto story = client.Get("/api/stories/" + known);
        ++answers;
        if (!stories || stories->status != 200 || !story || story->status != 200) {
          ++bad_answers;
          continue;
        }
        const json listed = json::parse(stories->body, nullptr, false);
        const json one = json::parse(story->body, nullptr, false);
        if (listed.is_discarded() || one.is_discarded() || one.at("articles").empty()) ++bad_answers;
      }
    });
  for (int n = 0; n < 60; ++n) {
    const json article = {{"id", "concurrent-" + std::to_string(n)},
                          {"title", "Parliament votes on budget amendment " + std::to_string(n)},
                          {"text", "Lawmakers voted on amendment " + std::to_string(n) + " to the budget on Tuesday."},
                          {"published", "2021-10-10T10:00:00Z"},
                          {"language", "en"}};
    auto posted = writer.Post("/api/articles", article.dump(), "application/json");
    ASSERT_TRUE(posted);
    ASSERT_EQ(posted->status, 201) << posted->body;
  }
  done = true;
  for (auto& reader : readers) reader.join();
  EXPECT_GT(answers.load(), 0);
  EXPECT_EQ(bad_answers.load(), 0);
  // Every acknowledged article is readable, and the stories list accounts for all of them.
  size_t listed_articles = 0;
  const json stories = json::parse(server.client().Get("/api/stories?limit=500")->body).at("stories");
  for (const auto& story : stories) listed_articles += story.at("article_count").get<size_t>();
  EXPECT_EQ(listed_articles, 61u);
}

TEST(HttpServer, LargeCachedAnswersAreGzippedForClientsThatAcceptIt) {
  RunningServer server;
  auto client = server.client();
  for (int i = 0; i < 12; ++i) {
    // One article printed by twelve sites: one article whose copies list eleven other publishers.
    const auto posted = client.Post(("/api/articles?url=https://site-" + std::to_string(i) + ".example/talks").c_str(),
                                    std::string(kPage), "text/html");
    ASSERT_TRUE(posted);
    ASSERT_EQ(posted->status, 201);
  }
  const auto plain = client.Get("/api/stories?limit=50");
  ASSERT_TRUE(plain);
  ASSERT_EQ(plain->status, 200);
  ASSERT_GE(plain->body.size(), 2048u) << "the test needs an answer large enough to be compressed";
  EXPECT_FALSE(plain->has_header("Content-Encoding"));
  client.set_decompress(false);
  const auto gzipped = client.Get("/api/stories?limit=50", {{"Accept-Encoding", "gzip, deflate"}});
  ASSERT_TRUE(gzipped);
  EXPECT_EQ(gzipped->get_header_value("Content-Encoding"), "gzip");
  EXPECT_LT(gzipped->body.size(), plain->body.size());
  EXPECT_EQ(storyline::gunzip(gzipped->body), plain->body);
  // q=0 refuses gzip.
  const auto refused = client.Get("/api/stories?limit=50", {{"Accept-Encoding", "gzip;q=0"}});
  ASSERT_TRUE(refused);
  EXPECT_FALSE(refused->has_header("Content-Encoding"));
  EXPECT_EQ(refused->body, plain->body);
}

// Connections that arrive faster than they are accepted wait in the listen queue: with the
// library's backlog of 5 the rest had their SYNs dropped and retried after a second. Here the
// server is bound but not yet accepting, so only the queue can hold them.
TEST(HttpServer, ListenQueueHoldsABurstOfConnections) {
  const storyline::testing::TempStore db{"backlog"};
  {
    ServerOptions options;
    options.db = db.path;
    HttpServer server(options);
    const int port = server.bind_any_port();
    ASSERT_GT(port, 0);
    constexpr int kConnections = 64;
    std::vector<int> sockets;
    for (int i = 0; i < kConnections; ++i) {
      const int socket = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
      ASSERT_GE(socket, 0);
      sockaddr_in address{};
      address.sin_family = AF_INET;
      address.sin_port = htons(static_cast<uint16_t>(port));
      address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      ::connect(socket, reinterpret_cast<sockaddr*>(&address), sizeof address);
      sockets.push_back(socket);
    }
    // A connection the queue took completes its handshake at once; a dropped SYN leaves it pending.
    int established = 0;
    for (int socket : sockets) {
      pollfd entry{socket, POLLOUT, 0};
      int error = 0;
      socklen_t length = sizeof error;
      if (::poll(&entry, 1, 500) == 1 && ::getsockopt(socket, SOL_SOCKET, SO_ERROR, &error, &length) == 0 && error == 0)
        ++established;
      ::close(socket);
    }
    EXPECT_EQ(established, kConnections);
  }
}

// The seeds posted in one body (as `extract` prints them, so that they are clustered together
// as `cluster` does): Pakistan's talks with the Taliban (002) are a storyline of their own, and
// its story page links to the US-Taliban storyline (and back) as related.
TEST(HttpServer, StoryPageLinksRelatedStorylines) {
  STORYLINE_REQUIRE_SHARED(shared);
  const auto extracted = storyline::testing::run_storyline({"extract", shared + "/seeds"});
  ASSERT_EQ(extracted.exit_code, 0) << extracted.err;
  RunningServer server;
  auto client = server.client();
  auto posted = client.Post("/api/articles", extracted.out, "application/x-ndjson");
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 201) << posted->body;

  const json stories = json::parse(client.Get("/api/stories?limit=20")->body).at("stories");
  std::string pakistan, pakistan_storyline;
  for (const json& story : stories)
    if (story.at("title").get<std::string>().starts_with("Pakistan")) {
      pakistan = story.at("id");
      pakistan_storyline = story.at("storyline");
    }
  ASSERT_FALSE(pakistan.empty()) << "seed 002's story: " << stories.dump();
  EXPECT_FALSE(stories[0].contains("related")) << "a list leaves the story page's links out";

  const json page = json::parse(client.Get("/api/stories/" + pakistan)->body);
  const json& related = page.at("related");
  ASSERT_EQ(related.size(), 1u) << page.dump();
  EXPECT_NE(related[0].at("storyline"), pakistan_storyline);
  EXPECT_EQ(page.at("related_storylines"), json::array({related[0].at("storyline")}));
  // The linked story is the hottest of the US-Taliban storyline, and links back.
  const json linked = json::parse(client.Get("/api/stories/" + related[0].at("id").get<std::string>())->body);
  EXPECT_EQ(linked.at("storyline"), related[0].at("storyline"));
  EXPECT_GE(linked.at("timeline").size(), 2u) << "the US-Taliban storyline holds several events";
  // Oldest first by the instant (parsed, whatever the zone), undated stories last.
  std::optional<int64_t> previous;
  bool undated_seen = false;
  for (const json& entry : linked.at("timeline")) {
    if (entry.at("first_published").is_null()) {
      undated_seen = true;
      continue;
    }
    EXPECT_FALSE(undated_seen) << "a dated story after an undated one: " << linked.at("timeline").dump();
    const auto when = storyline::parse_iso_unix(entry.at("first_published").get<std::string>());
    ASSERT_TRUE(when.has_value());
    if (previous) {
      EXPECT_LE(*previous, *when) << linked.at("timeline").dump();
    }
    previous = when;
  }
  ASSERT_EQ(linked.at("related").size(), 1u);
  EXPECT_EQ(linked.at("related")[0].at("storyline"), pakistan_storyline);
  EXPECT_EQ(linked.at("related")[0].at("id"), pakistan);
}

// INTERFACE.md: offset pages through the ranked stories; since is an ISO 8601 time or Unix
// seconds (stories updated at or after it, whatever zone their times were written in), and
// anything else is a 400.
TEST(HttpServer, StoriesPageWithOffsetAndFilterBySince) {
  RunningServer server;
  auto client = server.client();
  const auto page = [](const std::string& title, const std::string& published, const std::string& body) {
    return "<html><head><title>" + title + "</title><meta property=\"article:published_time\" content=\"" + published +
           "\"></head><body><article><h1>" + title + "</h1><p>" + body + "</p><p>" + body + "</p></article></body></html>";
  };
  const std::vector<std::pair<std::string, std::string>> pages = {
      {"old.html", page("Harbour bridge reopens after repairs", "2019-11-01T10:00:00+03:00",
                        "The harbour bridge reopened to traffic after eight months of repairs, the city said.")},
      {"middle.html", page("Orchestra names new conductor", "2019-11-08T12:00:00Z",
                           "The national orchestra named a new principal conductor for the coming season.")},
      {"new.html", page("Glacier retreat measured by satellite", "2019-11-15T09:00:00-05:00",
                        "Researchers measured the retreat of an alpine glacier with satellite radar this autumn.")},
  };
  for (const auto& [name, html] : pages) ASSERT_EQ(client.Put("/" + name, html, "text/html")->status, 201);
  const auto ids = [&](const std::string& target) {
    auto answer = client.Get(target);
    EXPECT_EQ(answer->status, 200) << target << ": " << answer->body;
    std::vector<std::string> found;
    const json parsed = json::parse(answer->body);  // kept: the loop must not walk a destroyed temporary
    for (const json& story : parsed.at("stories")) found.push_back(story.at("id"));
    return found;
  };
  const auto all = ids("/api/stories?limit=10");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(ids("/api/stories?limit=2"), std::vector<std::string>(all.begin(), all.begin() + 2));
  EXPECT_EQ(ids("/api/stories?limit=2&offset=2"), std::vector<std::string>{all[2]});
  EXPECT_TRUE(ids("/api/stories?offset=3").empty());
  // 2019-11-08T12:00:00Z is 1573214400: the middle and the new story.
  EXPECT_EQ(ids("/api/stories?since=1573214400").size(), 2u);
  EXPECT_EQ(ids("/api/stories?since=2019-11-08T12:00:00Z").size(), 2u);
  EXPECT_EQ(ids("/api/stories?since=2019-11-08T13:00:00%2B01:00").size(), 2u);  // the same instant
  EXPECT_EQ(ids("/api/stories?since=1573214401").size(), 1u);
  // 2019-11-15T09:00:00-05:00 is 14:00 UTC: read by its zone, not as text.
  EXPECT_EQ(ids("/api/stories?since=2019-11-15T13:30:00Z").size(), 1u);
  EXPECT_TRUE(ids("/api/stories?since=2019-11-15T14:00:01Z").empty());
  for (const char* bad : {"/api/stories?since=bogus", "/api/stories?since=2019-13-01", "/api/stories?offset=-1",
                          "/api/stories?offset=abc", "/api/search?q=bridge&since=yesterday"}) {
    auto answer = client.Get(bad);
    EXPECT_EQ(answer->status, 400) << bad;
    EXPECT_NE(answer->body.find("error"), std::string::npos) << bad;
  }
}

// INTERFACE.md: a browser page of another origin cannot write through the reader's browser, and
// with --write-token only a client with the token writes. Refused writes store nothing.
TEST(HttpServer, WritesFromOtherOriginsOrWithoutTheTokenAreRefused) {
  {
    RunningServer server;
    auto client = server.client();
    const auto refused = client.Post("/api/articles", {{"Origin", "https://evil.example"}}, kPage, "text/html");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 403);
    EXPECT_EQ(client.Put("/evil.html", {{"Sec-Fetch-Site", "cross-site"}}, kPage, "text/html")->status, 403);
    EXPECT_EQ(client.Put("/rebound.html", {{"Host", "evil.example:8080"}}, kPage, "text/html")->status, 403);
    EXPECT_EQ(client.Delete("/anything", {{"Origin", "null"}})->status, 403);
    EXPECT_EQ(json::parse(client.Get("/api/search?q=Taliban")->body).at("articles").size(), 0u) << "nothing stored";
    // The page itself (same origin) and clients without an Origin write.
    const httplib::Headers same_origin = {{"Origin", "http://127.0.0.1:" + std::to_string(server.port())}};
    const auto same = client.Post("/api/articles", same_origin, kPage, "text/html");
    EXPECT_EQ(same->status, 201) << same->body;
    // Reads from anywhere are answered; the page says it may not be framed.
    const auto page = client.Get("/", {{"Origin", "https://evil.example"}});
    EXPECT_EQ(page->status, 200);
    EXPECT_NE(page->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_EQ(page->get_header_value("X-Content-Type-Options"), "nosniff");
  }
  {
    ServerOptions guarded = RunningServer::small_server();
    guarded.write_token = "t0ken";
    RunningServer server(guarded);
    auto client = server.client();
    const auto without = client.Put("/a.html", kPage, "text/html");
    EXPECT_EQ(without->status, 401);
    EXPECT_EQ(without->get_header_value("WWW-Authenticate"), "Bearer");
    EXPECT_EQ(client.Put("/a.html", {{"Authorization", "Bearer nope"}}, kPage, "text/html")->status, 401);
    EXPECT_EQ(client.Get("/healthz")->status, 200);  // reads need no token
    EXPECT_EQ(client.Put("/a.html", {{"Authorization", "Bearer t0ken"}}, kPage, "text/html")->status, 201);
    EXPECT_EQ(client.Delete("/a.html", {{"Authorization", "Bearer t0ken"}})->status, 204);
  }
}

// DNS rebinding: a page of evil.example whose name resolves to 127.0.0.1 reads the store from the
// reader's browser (issue 16: any Host was answered). On loopback only loopback names are
// answered, read or write; --allow-host adds a name (a reverse proxy's).
TEST(HttpServer, RequestsThroughAForeignHostNameAreRefusedUnlessAllowed) {
  {
    RunningServer server;
    auto client = server.client();
    for (const char* path : {"/", "/api/stories", "/healthz", "/feeds/top.atom"}) {
      const auto answer = client.Get(path, {{"Host", "evil.example:" + std::to_string(server.port())}});
      ASSERT_TRUE(answer) << path;
      EXPECT_EQ(answer->status, 403) << path;
      EXPECT_NE(answer->body.find("--allow-host evil.example"), std::string::npos) << answer->body;
    }
    for (const char* host : {"127.0.0.1", "localhost", "LOCALHOST:1", "[::1]:8080"})
      EXPECT_EQ(client.Get("/api/stories", {{"Host", host}})->status, 200) << host;
  }
  ServerOptions options = RunningServer::small_server();
  options.allowed_hosts = {"news.example", "Other.Example:8443"};
  RunningServer server(options);
  auto client = server.client();
  EXPECT_EQ(client.Get("/api/stories", {{"Host", "news.example:8080"}})->status, 200);
  EXPECT_EQ(client.Get("/api/stories", {{"Host", "other.example"}})->status, 200);
  EXPECT_EQ(client.Get("/api/stories", {{"Host", "evil.example"}})->status, 403);
  const httplib::Headers proxied = {{"Host", "news.example"}, {"Origin", "https://news.example"}};
  EXPECT_EQ(client.Post("/api/articles", proxied, kPage, "text/html")->status, 201) << "the allowed name's own page writes";
  const httplib::Headers other_page = {{"Host", "news.example"}, {"Origin", "https://evil.example"}};
  EXPECT_EQ(client.Post("/api/articles", other_page, kPage, "text/html")->status, 403);
}

// INTERFACE.md: serve refuses a port already taken (the library's SO_REUSEPORT let a second
// server start there and the two split the requests between two stores).
TEST(HttpServer, APortInUseIsRefused) {
  RunningServer first;
  ServerOptions options;
  options.db = (std::filesystem::temp_directory_path() / ("storyline-second-" + std::to_string(getpid()) + ".db")).string();
  options.port = first.port();
  {
    HttpServer second(options);
    EXPECT_FALSE(second.bind());
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(options.db + suffix);
  EXPECT_EQ(first.client().Get("/healthz")->status, 200);
}

// Bodies with nothing to read are refused, named, not stored as empty articles sharing one id
// (issue 16: `null` was stored, and a short text then got that empty article's id); a published
// that is no date refuses the body, naming the field, where it was stored and then compared as
// text (/threads?period=3600 listed 1,000 threads instead of 1).
TEST(HttpServer, BodiesWithoutAnArticleAndDatesThatAreNotDates) {
  RunningServer server;
  auto client = server.client();
  const std::vector<std::pair<std::string, std::string>> refused = {{"hello", "no article"},
                                                                    {"null", "is a JSON null, not a document"},
                                                                    {"123", "is a JSON number"},
                                                                    {"\"str\"", "is a JSON string"},
                                                                    {"true", "is a JSON boolean"},
                                                                    {"{}", "no title, text or excerpt"},
                                                                    {"[1, 2]", "not a JSON object"}};
  for (const auto& [body, reason] : refused) {
    auto answer = client.Post("/api/articles", body, "application/json");
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->status, 400) << body;
    EXPECT_NE(json::parse(answer->body).at("error").get<std::string>().find(reason), std::string::npos)
        << body << ": " << answer->body;
  }
  const auto undated = client.Post(
      "/api/articles",
      R"({"id": "bridge", "title": "Harbour bridge reopens", "published": "not a date", "text": "The harbour bridge reopened to traffic after eight months of repairs, the city said on Monday."})",
      "application/json");
  ASSERT_EQ(undated->status, 400) << undated->body;
  const std::string error = json::parse(undated->body).at("error");
  EXPECT_NE(error.find("field 'published'"), std::string::npos) << error;
  EXPECT_NE(error.find("'not a date' is not a date"), std::string::npos) << error;
  EXPECT_NE(error.find("nothing stored"), std::string::npos) << error;
  EXPECT_EQ(client.Get("/api/articles/bridge")->status, 404);
  // One bad record among good ones refuses the body: nothing of it is stored.
  const auto mixed = client.Post(
      "/api/articles",
      R"([{"id": "good", "title": "Orchestra names conductor", "text": "The national orchestra named a new principal conductor."},
          {"id": "bad", "title": "Ferry strike ends", "published": "next Tuesday-ish", "text": "The ferry strike ended."}])",
      "application/json");
  EXPECT_EQ(mixed->status, 400) << mixed->body;
  EXPECT_EQ(client.Get("/api/articles/good")->status, 404);
  EXPECT_NE(client.Get("/metrics")->body.find("storyline_documents 0"), std::string::npos) << "nothing stored";

  // A date written another way is read into ISO 8601.
  auto written_out = client.Post(
      "/api/articles",
      R"({"title": "Orchestra names conductor", "published": "Nov 15, 2019", "text": "The national orchestra named a new principal conductor for the season on Friday."})",
      "application/json");
  ASSERT_EQ(written_out->status, 201) << written_out->body;
  EXPECT_EQ(json::parse(client.Get("/api/articles/" + json::parse(written_out->body).at("id").get<std::string>())->body)
                .at("published"),
            "2019-11-15");
}

// Short plain texts each keep their own id and their own content: none is given the id of
// another, different document (issue 16: one got the id of an empty article stored before it).
TEST(HttpServer, ShortPlainTextsNeverShareAnId) {
  RunningServer server;
  auto client = server.client();
  EXPECT_EQ(client.Post("/api/articles", "null", "text/plain")->status, 400);
  std::map<std::string, std::string> title_of_id;
  for (const char* text :
       {"Short text one!", "Short text two!", "Short text one?", "Protesters shut Hong Kong!", "Short text one!"}) {
    const auto answer = client.Post("/api/articles", text, "text/plain");
    ASSERT_TRUE(answer);
    if (answer->status == 400) continue;  // nothing to read in it: refused, and nothing stored
    ASSERT_EQ(answer->status, 201) << text << ": " << answer->body;
    const std::string id = json::parse(answer->body).at("id");
    const auto stored = json::parse(client.Get("/api/articles/" + id)->body);
    const std::string content = stored.at("title").dump() + stored.at("text").dump();
    EXPECT_NE(content, "nullnull") << text;
    const auto [slot, fresh] = title_of_id.emplace(id, content);
    EXPECT_EQ(slot->second, content) << "id " << id << " given to two different texts";
  }
  EXPECT_GE(title_of_id.size(), 4u) << "the four different texts were stored apart";
}

// A time to live that is no number is refused, not taken as "forever".
TEST(HttpServer, AMaxAgeThatIsNoNumberIsRefused) {
  RunningServer server;
  auto client = server.client();
  for (const char* bad : {"max-age=abc", "max-age=-5", "max-age=12abc", "max-age=", "max-age", "no-cache, MAX-AGE=1.5",
                          "max-age=5, max-age=6"}) {
    const auto answer = client.Put("/ttl.html", {{"Cache-Control", bad}}, kPage, "text/html");
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->status, 400) << bad;
    EXPECT_NE(answer->body.find("max-age"), std::string::npos) << bad << ": " << answer->body;
  }
  EXPECT_EQ(client.Get("/api/articles/ttl.html")->status, 404) << "nothing stored";
  EXPECT_EQ(client.Put("/ttl.html", {{"Cache-Control", "public, Max-Age = 3600"}}, kPage, "text/html")->status, 201);
  EXPECT_EQ(client.Put("/other.html", {{"Cache-Control", "no-cache"}}, kPage, "text/html")->status, 201);
  EXPECT_EQ(client.Put("/max-age-named.html", {{"Cache-Control", "s-maxage=abc, max-age=60"}}, kPage, "text/html")->status,
            201)
      << "only max-age is read";
}

// A search of hundreds of terms took seconds and held a reader connection (issue 16): refused
// before it runs, with the reason.
TEST(HttpServer, SearchOfTooManyTermsIsRefused) {
  RunningServer server;
  auto client = server.client();
  std::string query;
  for (int i = 0; i < 300; ++i) query += (i ? "%20OR%20t" : "t") + std::to_string(i) + "*";
  const auto answer = client.Get("/api/search?q=" + query);
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 400);
  EXPECT_TRUE(answer->body.find("too many terms") != std::string::npos || answer->body.find("too long") != std::string::npos)
      << answer->body;
  EXPECT_EQ(client.Get("/feeds/search.atom?q=" + query)->status, 400);
  EXPECT_EQ(client.Get("/api/search?q=talks")->status, 200);
}

namespace {

// The answer to `raw` (its first read), sent as is on a fresh connection to `port`.
std::string raw_answer(int port, const std::string& raw) {
  const int socket = ::socket(AF_INET, SOCK_STREAM, 0);
  if (socket < 0) return "no socket";
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string answer;
  if (::connect(socket, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      ::send(socket, raw.data(), raw.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(raw.size())) {
    // Until the server closes: its head and body may come in separate segments (reading once
    // made the body's message missing now and then).
    char buffer[4096];
    pollfd entry{socket, POLLIN, 0};
    while (::poll(&entry, 1, 5000) == 1) {
      const ssize_t got = ::recv(socket, buffer, sizeof buffer, 0);
      if (got <= 0) break;
      answer.append(buffer, static_cast<size_t>(got));
    }
  }
  ::close(socket);
  return answer;
}

// Its first line.
std::string raw_status_line(int port, const std::string& raw) {
  const std::string answer = raw_answer(port, raw);
  return answer.substr(0, answer.find("\r\n"));
}

}  // namespace

// Framing headers that contradict each other are how requests are smuggled past a proxy (issue 16):
// 400, and nothing is stored.
TEST(HttpServer, ContradictoryFramingIsRefused) {
  RunningServer server;
  const std::string body = R"({"title": "Harbour bridge reopens", "text": "The harbour bridge reopened to traffic today."})";
  const std::string head = "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
  const std::string length = "Content-Length: " + std::to_string(body.size()) + "\r\n";
  EXPECT_EQ(raw_status_line(server.port(), head + length + "Content-Length: 5\r\n\r\n" + body), "HTTP/1.1 400 Bad Request");
  std::ostringstream chunked;
  chunked << std::hex << body.size() << "\r\n" << body << "\r\n0\r\n\r\n";
  EXPECT_EQ(raw_status_line(server.port(), head + length + "Transfer-Encoding: chunked\r\n\r\n" + chunked.str()),
            "HTTP/1.1 400 Bad Request");
  // A length that is no number was read as no body, and the body then as the next request; a
  // transfer coding other than chunked as a body running to the end of the connection (the
  // worker waited out the request deadline). Each is answered at once and the connection closed.
  const auto started = std::chrono::steady_clock::now();
  for (const char* framing :
       {"Content-Length: abc\r\n", "Content-Length: -1\r\n", "Content-Length: +10\r\n", "Transfer-Encoding: gzip\r\n",
        "Transfer-Encoding: identity\r\n", "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n"})
    EXPECT_EQ(raw_status_line(server.port(), head + framing + "\r\n" + body), "HTTP/1.1 400 Bad Request") << framing;
  EXPECT_NE(raw_answer(server.port(), head + "Content-Length: abc\r\n\r\n" + body)
                .find("Content-Length 'abc' is not a number of bytes"),
            std::string::npos);
  EXPECT_EQ(raw_status_line(server.port(), head + "Transfer-Encoding: gzip, chunked\r\n\r\n" + chunked.str()),
            "HTTP/1.1 501 Not Implemented");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(4)) << "none waited for the deadline";
  auto client = server.client();
  EXPECT_EQ(json::parse(client.Get("/api/stories")->body).at("stories").size(), 0u) << "nothing was stored";
  EXPECT_EQ(raw_status_line(server.port(), head + length + length + "Connection: close\r\n\r\n" + body),
            "HTTP/1.1 201 Created")
      << "the same length twice frames the body one way";
}
