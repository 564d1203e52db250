// The poller against a local HTTP server (127.0.0.1 only) serving real feeds and pages from
// ../shared: conditional GET, timeouts, retries and backoff, redirects, feeds that change,
// robots.txt, teaser items whose page is fetched, limits on bodies, and garbage answers.
#include "storyline/sources/feed_poller.h"
#include "temp_store.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "sources/feed_server.h"
#include "storyline/ingest/read_documents.h"
#include "storyline/pipeline/ingest_pipeline.h"
#include "storyline/sources/pipeline_sink.h"
#include "storyline/store/sqlite_store.h"
#include "test_paths.h"

using namespace storyline;
using storyline::testing::FeedServer;
using storyline::testing::read_test_file;

namespace {

constexpr int64_t kInterval = 600;

// Short timeouts and no politeness delay: every test runs in well under a few seconds.
sources::PollerOptions fast_options() {
  sources::PollerOptions options;
  options.http.connect_timeout_ms = 500;
  options.http.total_timeout_ms = 400;
  options.fetch.min_host_delay = std::chrono::milliseconds(0);
  options.fetch.retry_base_delay = std::chrono::milliseconds(10);
  options.fetch.max_retries = 2;
  options.schedule.interval_seconds = kInterval;
  // Real feeds link to their publishers' sites: never fetched from a test.
  options.fetch_item_pages = false;
  return options;
}

// The store, the pipeline and a poller over them, as `storyline sources poll` sets them up.
struct Harness {
  explicit Harness(sources::PollerOptions options = fast_options())
      : store(temp.path), pipeline(store), poller(store, sources::pipeline_sink(pipeline), options) {}

  int64_t add(const std::string& url) {
    store::SourceRecord source;
    source.url = url;
    store.sources().add(source);
    return source.id;
  }
  store::SourceRecord source(int64_t id) { return *store.sources().get(id); }

  storyline::testing::TempStore temp{"poller"};
  store::SqliteStore store;
  pipeline::IngestPipeline pipeline;
  sources::FeedPoller poller;
};

const sources::SourcePollReport& report_for(const sources::PollReport& report, int64_t id) {
  for (const auto& source : report.sources)
    if (source.source_id == id) return source;
  throw std::runtime_error("source not polled");
}

std::string guardian_feed(const std::string& shared) {
  return read_test_file(shared + "/data/feeds/rss-atom-feed-samples/rss-parser/test/input/guardian.rss");
}

// The feed without its first item: what it looked like before that item was published.
std::string without_first_item(const std::string& feed) {
  const size_t start = feed.find("<item>");
  const size_t end = feed.find("</item>", start);
  return feed.substr(0, start) + feed.substr(end + 7);
}

TEST(FeedPoller, NotModifiedAnswerSendsValidatorsAndStoresNothing) {
  STORYLINE_REQUIRE_SHARED(shared);
  FeedServer server;
  const std::string feed = guardian_feed(shared);
  server.on("/feed.rss", [&](const httplib::Request& request, httplib::Response& response) {
    if (request.get_header_value("If-None-Match") == "\"v1\"") {
      response.status = 304;
      return;
    }
    response.set_header("ETag", "\"v1\"");
    response.set_header("Last-Modified", "Wed, 31 Jan 2018 20:15:15 GMT");
    response.set_content(feed, "application/rss+xml");
  });
  Harness harness;
  const int64_t id = harness.add(server.url("/feed.rss"));
  const int64_t now = sources::unix_seconds_now();

  const auto first = harness.poller.poll_due(now);
  ASSERT_EQ(report_for(first, id).outcome, store::kOutcomeOk) << report_for(first, id).error;
  const size_t stored = harness.store.documents().count();
  EXPECT_GT(report_for(first, id).new_items, 40u);
  EXPECT_EQ(stored, report_for(first, id).new_items);
  EXPECT_EQ(harness.source(id).state.etag, "\"v1\"");
  EXPECT_EQ(harness.source(id).state.next_due_at, now + kInterval);

  // Not due yet: nothing is fetched.
  EXPECT_TRUE(harness.poller.poll_due(now + 1).sources.empty());

  const auto second = harness.poller.poll_due(now + kInterval);
  EXPECT_EQ(report_for(second, id).outcome, store::kOutcomeNotModified);
  EXPECT_EQ(report_for(second, id).status, 304);
  EXPECT_EQ(report_for(second, id).new_items, 0u);
  const auto requests = server.requests();
  ASSERT_EQ(server.count("/feed.rss"), 2u);
  const auto& conditional = requests.back();
  EXPECT_EQ(conditional.path, "/feed.rss");
  EXPECT_EQ(conditional.headers.at("if-none-match"), "\"v1\"");
  EXPECT_EQ(conditional.headers.at("if-modified-since"), "Wed, 31 Jan 2018 20:15:15 GMT");
  EXPECT_NE(conditional.headers.at("user-agent").find("Storyline"), std::string::npos);
  EXPECT_EQ(harness.store.documents().count(), stored);
  const auto state = harness.source(id).state;
  EXPECT_EQ(state.last_status, 304);
  EXPECT_EQ(state.etag, "\"v1\"");  // kept for the next poll
  EXPECT_EQ(state.items_seen, static_cast<int64_t>(stored));
  EXPECT_EQ(state.consecutive_errors, 0);
}

TEST(FeedPoller, SlowSourceTimesOutAndOthersAreStillPolled) {
  STORYLINE_REQUIRE_SHARED(shared);
  std::atomic<bool> release{false};  // declared first: it outlives the server and its handler threads
  FeedServer server;
  // Answers after 5 s, far past the 400 ms the poller waits (or when the test is done).
  server.on("/slow.rss", [&](const httplib::Request&, httplib::Response& response) {
    for (int i = 0; i < 100 && !release; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    response.set_content("<rss version=\"2.0\"><channel></channel></rss>", "application/rss+xml");
  });
  server.serve("/fast.rss",
               read_test_file(shared + "/data/feeds/rss-atom-feed-samples/rss-parser/test/input/heraldsun.rss"));
  auto options = fast_options();
  options.fetch.max_retries = 0;
  Harness harness(options);
  const int64_t slow = harness.add(server.url("/slow.rss"));
  const int64_t fast = harness.add(server.url("/fast.rss"));
  const int64_t now = sources::unix_seconds_now();
  const auto started = std::chrono::steady_clock::now();
  const auto report = harness.poller.poll_due(now);
  // Well under the 5 s the slow source holds its answer (the margin is for sanitizer builds).
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(3500));
  release = true;
  EXPECT_EQ(report.failed(), 1u);
  EXPECT_EQ(report_for(report, slow).outcome, store::kOutcomeError);
  EXPECT_EQ(report_for(report, fast).outcome, store::kOutcomeOk);
  EXPECT_GT(report_for(report, fast).new_items, 0u);
  const auto state = harness.source(slow).state;
  EXPECT_EQ(state.consecutive_errors, 1);
  ASSERT_TRUE(state.last_error);
  EXPECT_NE(state.last_error->find("timed out"), std::string::npos) << *state.last_error;
  EXPECT_EQ(state.last_outcome, store::kOutcomeError);
  EXPECT_EQ(state.next_due_at, now + 2 * kInterval);  // backed off
}

TEST(FeedPoller, ServerErrorIsRetriedThenSucceeds) {
  STORYLINE_REQUIRE_SHARED(shared);
  std::atomic<int> calls{0};  // declared first: it outlives the server and its handler threads
  FeedServer server;
  const std::string feed = guardian_feed(shared);
  server.on("/flaky.rss", [&](const httplib::Request&, httplib::Response& response) {
    if (calls++ == 0) {
      response.status = 500;
      return;
    }
    response.set_content(feed, "application/rss+xml");
  });
  Harness harness;
  const int64_t id = harness.add(server.url("/flaky.rss"));
  const auto report = harness.poller.poll_due(sources::unix_seconds_now());
  EXPECT_EQ(report_for(report, id).outcome, store::kOutcomeOk) << report_for(report, id).error;
  EXPECT_EQ(server.count("/flaky.rss"), 2u);
  const auto state = harness.source(id).state;
  EXPECT_EQ(state.last_attempts, 2);
  EXPECT_EQ(state.last_status, 200);
  EXPECT_EQ(state.consecutive_errors, 0);
  EXPECT_GT(harness.store.documents().count(), 0u);
}

TEST(FeedPoller, RepeatedFailuresPushTheNextPollBack) {
  FeedServer server;
  server.on("/down.rss", [](const httplib::Request&, httplib::Response& response) { response.status = 503; });
  Harness harness;
  const int64_t id = harness.add(server.url("/down.rss"));
  const int64_t now = sources::unix_seconds_now();
  harness.poller.poll_due(now);
  auto state = harness.source(id).state;
  EXPECT_EQ(server.count("/down.rss"), 3u);  // the first attempt and two retries
  EXPECT_EQ(state.last_attempts, 3);
  EXPECT_EQ(state.last_status, 503);
  EXPECT_EQ(state.consecutive_errors, 1);
  EXPECT_EQ(state.last_error, "HTTP 503");
  EXPECT_EQ(state.next_due_at, now + 2 * kInterval);
  harness.poller.poll_due(state.next_due_at);
  state = harness.source(id).state;
  EXPECT_EQ(state.consecutive_errors, 2);
  EXPECT_EQ(state.next_due_at, now + 2 * kInterval + 4 * kInterval);
  EXPECT_EQ(harness.store.documents().count(), 0u);
}

TEST(FeedPoller, RedirectsAreFollowedWithinBounds) {
  STORYLINE_REQUIRE_SHARED(shared);
  FeedServer server;
  server.serve("/feed.rss", guardian_feed(shared));
  server.on("/old-feed", [&](const httplib::Request&, httplib::Response& response) {
    response.set_redirect(server.url("/feed.rss"), 301);
  });
  server.on("/loop",
            [&](const httplib::Request&, httplib::Response& response) { response.set_redirect(server.url("/loop"), 302); });
  Harness harness;
  const int64_t moved = harness.add(server.url("/old-feed"));
  const int64_t loop = harness.add(server.url("/loop"));
  const auto report = harness.poller.poll_due(sources::unix_seconds_now());
  EXPECT_EQ(report_for(report, moved).outcome, store::kOutcomeOk) << report_for(report, moved).error;
  EXPECT_GT(report_for(report, moved).new_items, 0u);
  EXPECT_EQ(server.count("/feed.rss"), 1u);
  EXPECT_EQ(report_for(report, loop).outcome, store::kOutcomeError);
  EXPECT_NE(report_for(report, loop).error.find("redirects"), std::string::npos);
  EXPECT_EQ(server.count("/loop"), 6u);  // the first request and five redirects
}

TEST(FeedPoller, ChangedFeedIngestsOnlyTheNewItem) {
  STORYLINE_REQUIRE_SHARED(shared);
  const std::string full = guardian_feed(shared);
  std::atomic<bool> published{false};  // declared first: it outlives the server and its handler threads
  FeedServer server;
  server.on("/feed.rss", [&](const httplib::Request&, httplib::Response& response) {
    response.set_content(published ? full : without_first_item(full), "application/rss+xml");
  });
  Harness harness;
  const int64_t id = harness.add(server.url("/feed.rss"));
  const int64_t now = sources::unix_seconds_now();
  const size_t before = report_for(harness.poller.poll_due(now), id).new_items;
  ASSERT_GT(before, 0u);
  EXPECT_EQ(harness.store.documents().count(), before);

  published = true;
  const auto second = harness.poller.poll_due(now + kInterval);
  EXPECT_EQ(report_for(second, id).new_items, 1u);
  EXPECT_EQ(harness.store.documents().count(), before + 1);
  EXPECT_EQ(harness.source(id).state.items_seen, static_cast<int64_t>(before + 1));
  const auto results = harness.store.documents().search("\"State of the Union\" unity discord");
  ASSERT_FALSE(results.empty());
  EXPECT_EQ(results.front().document.title, "Trump State of the Union address promised unity but emphasized discord");

  // Nothing new the third time.
  EXPECT_EQ(report_for(harness.poller.poll_due(now + 2 * kInterval), id).new_items, 0u);
  EXPECT_EQ(harness.store.documents().count(), before + 1);
}

TEST(FeedPoller, RobotsTxtDisallowIsHonouredAndRecorded) {
  STORYLINE_REQUIRE_SHARED(shared);
  FeedServer server;
  server.serve("/robots.txt", "User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n", "text/plain");
  server.serve("/private/feed.rss", guardian_feed(shared));
  server.serve("/public/feed.rss", guardian_feed(shared));
  auto options = fast_options();
  options.max_concurrent_fetches = 1;
  Harness harness(options);
  const int64_t hidden = harness.add(server.url("/private/feed.rss"));
  const int64_t open = harness.add(server.url("/public/feed.rss"));
  const auto report = harness.poller.poll_due(sources::unix_seconds_now());
  EXPECT_EQ(report_for(report, hidden).outcome, store::kOutcomeRobotsDisallowed);
  EXPECT_EQ(report_for(report, open).outcome, store::kOutcomeOk);
  EXPECT_EQ(server.count("/private/feed.rss"), 0u);
  EXPECT_EQ(server.count("/public/feed.rss"), 1u);
  EXPECT_EQ(server.count("/robots.txt"), 1u);  // kept for the host
  const auto state = harness.source(hidden).state;
  EXPECT_EQ(state.last_outcome, store::kOutcomeRobotsDisallowed);
  ASSERT_TRUE(state.last_error);
  EXPECT_NE(state.last_error->find("robots.txt"), std::string::npos);
  EXPECT_EQ(state.items_seen, 0);
}

std::string teaser_feed(const FeedServer& server) {
  return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Teaser News</title>"
         "<link>" +
         server.url("/") +
         "</link>"
         "<item><title>Item one from the feed</title><link>" +
         server.url("/article-1") +
         "</link>"
         "<guid>teaser-1</guid><description>Read the whole story on our site.</description>"
         "<pubDate>Tue, 01 Dec 2026 09:30:00 GMT</pubDate><author>jo@example.com (Jo Feed)</author></item>"
         "<item><title>Item two, bare page</title><link>" +
         server.url("/article-2") +
         "</link>"
         "<guid>teaser-2</guid><description>A teaser.</description>"
         "<pubDate>Tue, 01 Dec 2026 10:45:00 GMT</pubDate><author>sam@example.com (Sam Feed)</author></item>"
         "</channel></rss>";
}

// A page with an article body and no metadata at all: the item's title, date and author stay.
std::string bare_page() {
  std::string paragraphs;
  for (int i = 0; i < 6; ++i)
    paragraphs += "<p>The harbour authority said on Tuesday that the new breakwater, paragraph " + std::to_string(i) +
                  ", would protect the fishing fleet from winter storms and let larger ferries dock safely.</p>";
  return "<html><body><div><article>" + paragraphs + "</article></div></body></html>";
}

TEST(FeedPoller, TeaserItemsGetTheirArticlePageExtracted) {
  STORYLINE_REQUIRE_SHARED(shared);
  const std::string page = read_test_file(shared + "/data/extraction/readability-testpages/pages/001/source.html.gz");
  FeedServer server;
  server.serve("/feed.rss", teaser_feed(server));
  server.serve("/article-1", page, "text/html; charset=utf-8");
  server.serve("/article-2", bare_page(), "text/html; charset=utf-8");
  auto options = fast_options();
  options.fetch_item_pages = true;
  Harness harness(options);
  const int64_t id = harness.add(server.url("/feed.rss"));
  const int64_t now = sources::unix_seconds_now();
  const auto report = harness.poller.poll_due(now);
  ASSERT_EQ(report_for(report, id).outcome, store::kOutcomeOk) << report_for(report, id).error;
  EXPECT_EQ(report_for(report, id).pages_fetched, 2u);

  // The stored body is the page's extraction, not the teaser.
  const auto expected = ingest::read_documents({server.url("/article-1"), page, server.url("/article-1")});
  ASSERT_TRUE(expected.documents.front().text);
  const std::string page_text = *expected.documents.front().text;
  ASSERT_GT(page_text.size(), 600u);
  const auto first = harness.store.documents().get("teaser-1");
  ASSERT_TRUE(first);
  ASSERT_TRUE(first->text);
  EXPECT_EQ(first->text->substr(0, 300), page_text.substr(0, 300));
  EXPECT_EQ(first->text->find("Read the whole story"), std::string::npos);

  const auto second = harness.store.documents().get("teaser-2");
  ASSERT_TRUE(second);
  ASSERT_TRUE(second->text);
  EXPECT_NE(second->text->find("new breakwater, paragraph 3"), std::string::npos);
  EXPECT_EQ(second->title, "Item two, bare page");
  EXPECT_EQ(second->published, "2026-12-01T10:45:00Z");
  EXPECT_EQ(second->author, "Sam Feed");

  // The feed changes (new ETag, same items): the pages are not fetched again.
  server.on("/feed.rss", [&](const httplib::Request&, httplib::Response& response) {
    response.set_header("ETag", "\"v2\"");
    response.set_content(teaser_feed(server), "application/rss+xml");
  });
  const auto again = harness.poller.poll_due(now + kInterval);
  EXPECT_EQ(report_for(again, id).new_items, 0u);
  EXPECT_EQ(report_for(again, id).pages_fetched, 0u);
  EXPECT_EQ(server.count("/article-1"), 1u);
  EXPECT_EQ(server.count("/article-2"), 1u);
}

TEST(FeedPoller, GarbageAndOversizedAnswersAreErrorsAndLoseNothing) {
  STORYLINE_REQUIRE_SHARED(shared);
  FeedServer server;
  server.serve("/good.rss", guardian_feed(shared));
  std::string garbage;
  for (int i = 0; i < 5000; ++i) garbage += static_cast<char>((i * 7919) % 256);
  server.serve("/garbage.rss", garbage, "application/octet-stream");
  server.serve("/huge.rss", std::string(300000, 'x'));
  server.serve("/page.html", bare_page(), "text/html");
  auto options = fast_options();
  options.http.max_body_bytes = 200000;  // the Guardian feed is 150 KB
  Harness harness(options);
  const int64_t good = harness.add(server.url("/good.rss"));
  const int64_t now = sources::unix_seconds_now();
  harness.poller.poll_due(now);
  const size_t stored = harness.store.documents().count();
  ASSERT_GT(stored, 0u);

  const int64_t garbage_id = harness.add(server.url("/garbage.rss"));
  const int64_t huge = harness.add(server.url("/huge.rss"));
  const int64_t page = harness.add(server.url("/page.html"));
  // The good feed now answers garbage too: what it gave before stays.
  server.serve("/good.rss", garbage, "application/rss+xml");
  const auto report = harness.poller.poll_due(now + kInterval);
  for (const int64_t id : {good, garbage_id, huge, page})
    EXPECT_EQ(report_for(report, id).outcome, store::kOutcomeError) << report_for(report, id).url;
  EXPECT_NE(report_for(report, huge).error.find("limit"), std::string::npos) << report_for(report, huge).error;
  EXPECT_NE(report_for(report, page).error.find("not a feed"), std::string::npos);
  EXPECT_EQ(harness.store.documents().count(), stored);
  EXPECT_EQ(harness.store.integrity_check(), "ok");
  EXPECT_EQ(harness.source(good).state.items_seen, static_cast<int64_t>(stored));
}

TEST(FeedPoller, ConcurrencyIsBoundedAndHostsArePaced) {
  std::atomic<int> running{0}, most{0};  // declared first: it outlives the server and its handler threads
  FeedServer server;
  const std::string feed =
      "<rss version=\"2.0\"><channel><title>T</title><item><title>Only item</title><guid>g</guid>"
      "<description>Text of the only item.</description></item></channel></rss>";
  for (int i = 0; i < 6; ++i) {
    server.on("/feed-" + std::to_string(i), [&, i](const httplib::Request&, httplib::Response& response) {
      const int now_running = ++running;
      int seen = most.load();
      while (now_running > seen && !most.compare_exchange_weak(seen, now_running)) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(30));
      --running;
      std::string body = feed;
      body.replace(body.find("<guid>g"), 7, "<guid>g" + std::to_string(i));
      response.set_content(body, "application/rss+xml");
    });
  }
  auto options = fast_options();
  options.max_concurrent_fetches = 2;
  options.fetch.min_host_delay = std::chrono::milliseconds(0);
  Harness harness(options);
  for (int i = 0; i < 6; ++i) harness.add(server.url("/feed-" + std::to_string(i)));
  const auto report = harness.poller.poll_due(sources::unix_seconds_now());
  EXPECT_EQ(report.failed(), 0u);
  EXPECT_EQ(report.new_items(), 6u);
  EXPECT_LE(most.load(), 2);

  // With a politeness delay, six requests to one host take at least five delays.
  auto paced = fast_options();
  paced.max_concurrent_fetches = 3;
  paced.fetch.min_host_delay = std::chrono::milliseconds(60);
  Harness polite(paced);
  for (int i = 0; i < 6; ++i) polite.add(server.url("/feed-" + std::to_string(i)));
  const auto started = std::chrono::steady_clock::now();
  polite.poller.poll_due(sources::unix_seconds_now());
  // robots.txt is one more request to the host: seven requests, six gaps.
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(6 * 60));
}

TEST(FeedPoller, RobotsCrawlDelaySpacesRequestsToTheHost) {
  FeedServer server;
  server.serve("/robots.txt", "User-agent: *\nCrawl-delay: 0.15\n", "text/plain");
  for (int i = 0; i < 3; ++i)
    server.serve("/feed-" + std::to_string(i), "<rss version=\"2.0\"><channel><title>T</title><item><title>Item " +
                                                   std::to_string(i) + "</title><guid>crawl-" + std::to_string(i) +
                                                   "</guid><description>Text.</description></item>"
                                                   "</channel></rss>");
  Harness harness;  // no least delay of our own
  for (int i = 0; i < 3; ++i) harness.add(server.url("/feed-" + std::to_string(i)));
  const auto started = std::chrono::steady_clock::now();
  const auto report = harness.poller.poll_due(sources::unix_seconds_now());
  EXPECT_EQ(report.new_items(), 3u);
  // Three feed requests, two Crawl-delay gaps between them.
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(300));
}

TEST(FeedPoller, CancelAbandonsRequestsInFlightAndSavesNothing) {
  std::atomic<bool> release{false};  // declared first: it outlives the server and its handler threads
  FeedServer server;
  server.on("/stuck.rss", [&](const httplib::Request&, httplib::Response& response) {
    for (int i = 0; i < 100 && !release; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    response.set_content("<rss version=\"2.0\"><channel></channel></rss>", "application/rss+xml");
  });
  auto options = fast_options();
  options.http.total_timeout_ms = 10'000;
  Harness harness(options);
  const int64_t id = harness.add(server.url("/stuck.rss"));
  const auto started = std::chrono::steady_clock::now();
  std::thread poll([&] { harness.poller.poll_due(sources::unix_seconds_now()); });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  harness.poller.cancel();
  poll.join();
  release = true;
  // Well under the 5 s the answer is held (the margin is for sanitizer builds).
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(3000));
  const auto state = harness.source(id).state;
  EXPECT_FALSE(state.last_fetch_at);
  EXPECT_EQ(state.consecutive_errors, 0);
  // Cancelled for good: a later poll fetches nothing.
  EXPECT_EQ(server.count("/stuck.rss"), 1u);
  harness.poller.poll_due(sources::unix_seconds_now());
  EXPECT_EQ(server.count("/stuck.rss"), 1u);
}

TEST(FeedPoller, AnswersThatAreNotFeedsAreErrors) {
  FeedServer server;
  server.serve("/text", "Welcome to our parked domain. This site is for sale; contact the owner for details.\n",
               "text/plain");
  Harness harness;
  const int64_t id = harness.add(server.url("/text"));
  const auto report = harness.poller.poll_due(sources::unix_seconds_now());
  EXPECT_EQ(report_for(report, id).outcome, store::kOutcomeError);
  EXPECT_NE(report_for(report, id).error.find("not a feed"), std::string::npos) << report_for(report, id).error;
  EXPECT_EQ(harness.store.documents().count(), 0u);
}

}  // namespace
