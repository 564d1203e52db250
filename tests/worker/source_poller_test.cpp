// `storyline sources poll --queue` as processes, several at once, over a real nats-server
// (scripts/nats/start.sh), a PostgreSQL store (scripts/postgres/start.sh) and a feed server on
// loopback: two pollers on the same sources fetch every feed and item page once, never closer
// to the host than its delay, and queue every item once; a poller killed (SIGKILL) while polling
// a source leaves it to the other once its lease lapses, not before; with --extract-workers the
// article pages are read by `worker extract`. Skipped, saying why, without nats-server or PostgreSQL.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "nats_server.h"
#include "postgres_server.h"
#include "role_processes.h"
#include "sources/feed_server.h"
#include "storyline/queue/document_queue.h"
#include "storyline/store/store.h"
#include "temp_folder.h"

using namespace std::chrono_literals;
using namespace storyline::testing;

namespace {

#define START_NATS_AND_POSTGRES(nats, db)                                           \
  NatsServer nats;                                                                  \
  if (nats.address().empty()) GTEST_SKIP() << "no NATS server: " << nats.why_not(); \
  std::string db;                                                                   \
  {                                                                                 \
    std::string why_not;                                                            \
    const auto address = fresh_postgres_database(why_not);                          \
    if (!address) GTEST_SKIP() << "no PostgreSQL: " << why_not;                     \
    db = *address;                                                                  \
  }

// A feed of two items that carry a teaser only, so that each item's page is fetched too.
std::string teaser_feed(const FeedServer& server, int feed) {
  std::string items;
  for (int k = 0; k < 2; ++k) {
    const std::string tag = std::to_string(feed) + "-" + std::to_string(k);
    items += "<item><title>Harbour report " + tag + "</title><link>" + server.url("/page-" + tag) + "</link><guid>item-" +
             tag + "</guid><pubDate>Mon, 01 Dec 2025 10:0" + std::to_string(k) +
             ":00 GMT</pubDate><description>A teaser.</description></item>";
  }
  return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed " + std::to_string(feed) + "</title><link>" +
         server.url("/") + "</link>" + items + "</channel></rss>";
}

std::string article_page(const std::string& tag) {
  std::string paragraphs;
  for (int p = 0; p < 6; ++p)
    paragraphs += "<p>The harbour authority of district " + tag + " published its quarterly report, paragraph " +
                  std::to_string(p) + ", listing cargo volumes for every berth and crane of the port.</p>";
  return "<html><head><title>Harbour report " + tag + "</title></head><body><article><h1>Harbour report " + tag + "</h1>" +
         paragraphs + "</article></body></html>";
}

// Every source of the store fetched at least once.
bool all_polled(const std::string& db) {
  for (const auto& source : storyline::store::open_store(db)->sources().all())
    if (!source.state.last_fetch_at) return false;
  return true;
}

// The documents queued for `worker cluster`, by id (each as often as it was queued).
std::multiset<std::string> queued_documents(const std::string& queue) {
  storyline::queue::JetStream jetstream(queue);
  const auto stream = storyline::queue::documents_stream();
  jetstream.ensure_stream(stream);
  auto consumer = jetstream.pull_consumer(stream, {"test", std::chrono::milliseconds(30'000), 1'000});
  std::multiset<std::string> ids;
  for (auto messages = consumer->fetch(100, 1s); !messages.empty(); messages = consumer->fetch(100, 500ms))
    for (auto& message : messages)
      for (const auto& document : storyline::queue::message_documents(message.data())) ids.insert(document.id);
  return ids;
}

std::vector<std::string> poller_args(const std::string& db, const std::string& queue, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"sources", "poll", "--db", db, "--queue", queue};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

}  // namespace

TEST(SourcePoller, TwoPollersFetchEveryItemOnceAndKeepEachHostsDelay) {
  START_NATS_AND_POSTGRES(nats, db);
  TempFolder folder("pollers");
  FeedServer server;
  constexpr int kFeeds = 5;
  {
    const auto store = storyline::store::open_store(db);
    for (int feed = 0; feed < kFeeds; ++feed) {
      server.serve("/feed-" + std::to_string(feed) + ".rss", teaser_feed(server, feed));
      for (int k = 0; k < 2; ++k) {
        const std::string tag = std::to_string(feed) + "-" + std::to_string(k);
        server.serve("/page-" + tag, article_page(tag), "text/html; charset=utf-8");
      }
      storyline::store::SourceRecord source;
      source.url = server.url("/feed-" + std::to_string(feed) + ".rss");
      store->sources().add(source);
    }
  }
  // Every request goes to one host (127.0.0.1), 400 ms apart at least, whichever poller sends it.
  const std::vector<std::string> args = poller_args(db, nats.address(), {"--host-delay-ms", "400", "--lease-ttl", "5"});
  const std::string log_a = (folder.path / "a.log").string(), log_b = (folder.path / "b.log").string();
  const pid_t a = start_storyline(args, log_a);
  const pid_t b = start_storyline(args, log_b);
  ASSERT_TRUE(wait_until([&] { return all_polled(db); }, 60s)) << read_file(log_a) << read_file(log_b);
  kill(a, SIGTERM);
  kill(b, SIGTERM);
  EXPECT_EQ(wait_for(a), 0) << read_file(log_a);
  EXPECT_EQ(wait_for(b), 0) << read_file(log_b);

  for (int feed = 0; feed < kFeeds; ++feed) {
    EXPECT_EQ(server.count("/feed-" + std::to_string(feed) + ".rss"), 1u) << feed;
    for (int k = 0; k < 2; ++k) EXPECT_EQ(server.count("/page-" + std::to_string(feed) + "-" + std::to_string(k)), 1u);
  }
  // The host's delay held across the two pollers (robots.txt requests included). The server sees a
  // request a moment after it was sent, so a little slack.
  auto requests = server.requests();
  std::sort(requests.begin(), requests.end(), [](const auto& x, const auto& y) { return x.at < y.at; });
  std::string paths;
  size_t robots = 0;
  for (const auto& request : requests) {
    paths += request.path + " ";
    robots += request.path == "/robots.txt";
  }
  // robots.txt once per poller, or once per fetching thread of a poller when they start together.
  EXPECT_EQ(requests.size() - robots, 3u * kFeeds) << paths;
  EXPECT_GE(robots, 2u) << paths;
  for (size_t i = 1; i < requests.size(); ++i)
    EXPECT_GE(requests[i].at - requests[i - 1].at, 330ms) << requests[i - 1].path << " then " << requests[i].path;

  const std::multiset<std::string> queued = queued_documents(nats.address());
  EXPECT_EQ(queued.size(), 2u * kFeeds);
  EXPECT_EQ(std::set<std::string>(queued.begin(), queued.end()).size(), 2u * kFeeds) << "an item queued twice";
}

TEST(SourcePoller, AKilledPollersSourceIsTakenByAnotherOnceItsLeaseLapses) {
  START_NATS_AND_POSTGRES(nats, db);
  TempFolder folder("pollers");
  FeedServer server;
  // The feed hangs on its first request (the poller holding it is killed meanwhile), then answers.
  std::atomic<int> asked{0};
  std::atomic<bool> release_first{false};
  server.on("/slow.rss", [&](const httplib::Request&, httplib::Response& response) {
    if (asked++ == 0)
      for (int i = 0; i < 200 && !release_first; ++i) std::this_thread::sleep_for(50ms);
    response.set_content(teaser_feed(server, 7), "application/rss+xml");
  });
  for (int k = 0; k < 2; ++k) server.serve("/page-7-" + std::to_string(k), article_page("7-" + std::to_string(k)));
  {
    storyline::store::SourceRecord source;
    source.url = server.url("/slow.rss");
    storyline::store::open_store(db)->sources().add(source);
  }
  const std::vector<std::string> args = poller_args(db, nats.address(),
                                                    {"--host-delay-ms", "0", "--lease-ttl", "3", "--timeout", "30"});
  const std::string log_a = (folder.path / "a.log").string(), log_b = (folder.path / "b.log").string();
  const pid_t a = start_storyline(args, log_a);
  ASSERT_TRUE(wait_until([&] { return asked == 1; })) << read_file(log_a);
  // A second poller finds the source held and leaves it.
  const pid_t b = start_storyline(args, log_b);
  std::this_thread::sleep_for(2s);
  EXPECT_EQ(asked, 1) << "polled by two pollers at once";
  kill(a, SIGKILL);
  wait_for(a);
  const auto killed = std::chrono::steady_clock::now();
  release_first = true;
  ASSERT_TRUE(wait_until([&] { return all_polled(db); }, 30s)) << read_file(log_b);
  const auto taken = std::chrono::steady_clock::now() - killed;
  // Renewed every second until the kill, so it lapsed 2-3 s after it (JetStream removes expired
  // keys on its own schedule: up to a few seconds late).
  EXPECT_GE(taken, 1500ms);
  EXPECT_LE(taken, 15s);
  EXPECT_EQ(asked, 2);
  kill(b, SIGTERM);
  EXPECT_EQ(wait_for(b), 0) << read_file(log_b);
  EXPECT_NE(read_file(log_b).find("2 new items"), std::string::npos) << read_file(log_b);
  const std::multiset<std::string> queued = queued_documents(nats.address());
  EXPECT_EQ(queued, (std::multiset<std::string>{"item-7-0", "item-7-1"}));
}

// `--extract-workers`: the article pages go to `worker extract` unread, with their items, and come
// out as the poller would have read them (the page's text, the item's id).
TEST(SourcePoller, WithExtractWorkersTheArticlePagesAreReadByWorkerExtract) {
  START_NATS_AND_POSTGRES(nats, db);
  TempFolder folder("pollers");
  FeedServer server;
  server.serve("/feed.rss", teaser_feed(server, 3));
  for (int k = 0; k < 2; ++k) server.serve("/page-3-" + std::to_string(k), article_page("3-" + std::to_string(k)));
  {
    storyline::store::SourceRecord source;
    source.url = server.url("/feed.rss");
    storyline::store::open_store(db)->sources().add(source);
  }
  const std::string log = (folder.path / "log").string();
  const pid_t poller = start_storyline(poller_args(db, nats.address(), {"--host-delay-ms", "0", "--extract-workers"}), log);
  ASSERT_TRUE(wait_until([&] { return all_polled(db); })) << read_file(log);
  kill(poller, SIGTERM);
  EXPECT_EQ(wait_for(poller), 0) << read_file(log);
  EXPECT_EQ(queued_documents(nats.address()).size(), 0u) << "the poller read no page itself";
  ASSERT_EQ(wait_for(start_storyline({"worker", "extract", "--queue", nats.address(), "--exit-when-idle", "2"}, log)), 0)
      << read_file(log);

  storyline::queue::JetStream jetstream(nats.address());
  auto consumer = jetstream.pull_consumer(storyline::queue::documents_stream(), {"test", 30s, 1'000});
  std::map<std::string, storyline::Document> documents;
  for (auto& message : consumer->fetch(10, 2s))
    for (auto& document : storyline::queue::message_documents(message.data())) documents[document.id] = document;
  ASSERT_EQ(documents.size(), 2u);
  const storyline::Document& first = documents.at("item-3-0");
  ASSERT_TRUE(first.text);
  EXPECT_NE(first.text->find("paragraph 5"), std::string::npos) << *first.text;
  EXPECT_EQ(first.url, server.url("/page-3-0"));
  EXPECT_TRUE(first.published) << "the item's date, which the page lacks";
}

TEST(SourcePoller, AnswersHealthReadinessAndMetrics) {
  START_NATS_AND_POSTGRES(nats, db);
  TempFolder folder("pollers");
  const int port = free_loopback_port();
  const std::string log = (folder.path / "log").string();
  const pid_t poller = start_storyline(poller_args(db, nats.address(), {"--metrics-port", std::to_string(port)}), log);
  ASSERT_TRUE(wait_until_healthy(port)) << read_file(log);
  httplib::Client client("127.0.0.1", port);
  ASSERT_TRUE(wait_until([&] {
    auto ready = client.Get("/readyz");
    return ready && ready->status == 200;
  })) << read_file(log);
  auto metrics = client.Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("storyline_poller_rounds_total"), std::string::npos) << metrics->body;
  EXPECT_NE(metrics->body.find("storyline_poller_leases_held 0"), std::string::npos) << metrics->body;
  kill(poller, SIGTERM);
  EXPECT_EQ(wait_for(poller), 0) << read_file(log);
}
