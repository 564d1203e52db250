// `storyline serve --queue` and `storyline worker cluster` as processes, over a real nats-server
// (scripts/nats/start.sh on loopback) and a store file: a write is acknowledged once JetStream has
// it and stored by the worker; a message delivered twice is stored once; a worker killed (SIGKILL)
// after its commit and before its acknowledgement has its batch delivered again, stored once.
// Skipped, saying why, when nats-server is not installed.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "nats_server.h"
#include "role_processes.h"
#include "storyline/core/document_json.h"
#include "storyline/queue/document_queue.h"
#include "storyline/store/store.h"
#include "temp_folder.h"
#include "test_paths.h"

using namespace std::chrono_literals;
using nlohmann::json;
using storyline::testing::NatsServer;
using storyline::testing::TempFolder;
using namespace storyline::testing;

namespace {

storyline::Document article(int n) {
  storyline::Document document;
  const std::string tag = "item" + std::to_string(n);
  document.id = "queued-" + std::to_string(n);
  document.source = "test";
  document.title = "Harbour authority report " + tag + " on shipping volumes";
  document.text = "The harbour authority published report " + tag + " on Monday, listing cargo volumes for berth " +
                  std::to_string(n * 7 % 101) + " and crane " + std::to_string(n * 13 % 97) + ". Officials said " + tag +
                  " covers the quarter.";
  document.published = "2024-03-0" + std::to_string(1 + n % 9) + "T10:00:00Z";
  document.domain = "port" + std::to_string(n % 5) + ".example";
  document.language = "en";
  return document;
}

// `worker cluster` until the queue has been empty a moment; its exit status.
int run_worker(const std::string& queue, const std::string& db, const std::string& log,
               std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"worker", "cluster", "--queue", queue, "--db", db, "--exit-when-idle", "2"};
  args.insert(args.end(), extra.begin(), extra.end());
  return wait_for(start_storyline(args, log));
}

}  // namespace

#define START_NATS(server) \
  NatsServer server;       \
  if (server.address().empty()) GTEST_SKIP() << "no NATS server: " << server.why_not()

TEST(ClusterWorker, AWrittenArticleIsAcknowledgedThenStoredByTheWorker) {
  START_NATS(nats);
  TempFolder folder("queue");
  const std::string db = (folder.path / "store.db").string(), log = (folder.path / "log").string();
  const int port = free_loopback_port();
  const pid_t server = start_storyline({"serve", "--db", db, "--create", "--port", std::to_string(port), "--queue",
                                        nats.address()},
                                       log);
  ASSERT_TRUE(wait_until_healthy(port)) << read_file(log);
  httplib::Client client("127.0.0.1", port);
  std::vector<std::string> ids;
  for (int n = 0; n < 5; ++n) {
    auto reply = client.Post("/api/articles", storyline::to_json_line(article(n)), "application/json");
    ASSERT_TRUE(reply);
    ASSERT_EQ(reply->status, 201) << reply->body;
    ids.push_back(json::parse(reply->body).at("id"));
  }
  EXPECT_EQ(ids.front(), "queued-0");
  // Acknowledged by JetStream, not yet stored: serve leaves the store to the worker.
  EXPECT_EQ(storyline::store::open_store(db)->documents().count(), 0u);

  ASSERT_EQ(run_worker(nats.address(), db, log), 0) << read_file(log);
  const auto store = storyline::store::open_store(db);
  EXPECT_EQ(store->documents().count(), 5u);
  for (const auto& id : ids) {
    EXPECT_TRUE(store->documents().get(id)) << id;
    EXPECT_TRUE(store->stories().story_of(id)) << id << " is in no story";
  }
  // And the server reads what the worker wrote.
  auto stored = client.Get("/api/articles/queued-3");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->status, 200);
  kill(server, SIGTERM);
  wait_for(server);
}

TEST(ClusterWorker, AMessageDeliveredTwiceIsStoredOnce) {
  START_NATS(nats);
  TempFolder folder("queue");
  const std::string db = (folder.path / "store.db").string(), log = (folder.path / "log").string();
  // The same write twice under two message ids, as when an acknowledgement is lost and the message
  // delivered again (JetStream would drop a second copy under the same id).
  storyline::queue::JetStream jetstream(nats.address());
  jetstream.ensure_stream(storyline::queue::documents_stream());
  const std::vector<storyline::Document> write{article(1), article(2)};
  const std::string message = storyline::queue::documents_message(write);
  ASSERT_TRUE(jetstream.publish("storyline.documents", message, "first delivery"));
  ASSERT_TRUE(jetstream.publish("storyline.documents", message, "second delivery"));

  ASSERT_EQ(run_worker(nats.address(), db, log), 0) << read_file(log);
  const auto store = storyline::store::open_store(db);
  EXPECT_EQ(store->documents().count(), 2u);
  std::set<std::string> stories;
  size_t members = 0;
  for (const std::string id : {"queued-1", "queued-2"}) {
    const auto story = store->stories().story_of(id);
    ASSERT_TRUE(story) << id;
    if (stories.insert(*story).second) members += store->stories().member_counts(*story).articles;
  }
  EXPECT_EQ(members, 2u) << "their stories count each article once";
  EXPECT_NE(read_file(log).find("2 documents stored, 2 unchanged"), std::string::npos) << read_file(log);
}

TEST(ClusterWorker, AWorkerKilledBeforeItsAcknowledgementHasItsBatchDeliveredAgainAndStoredOnce) {
  START_NATS(nats);
  TempFolder folder("queue");
  const std::string db = (folder.path / "store.db").string(), log = (folder.path / "log").string();
  storyline::queue::DocumentPublisher publisher(nats.address());
  for (int n = 0; n < 10; ++n) publisher.publish({article(n)});

  // Commits its batch, then dies by SIGKILL before acknowledging it.
  const int status = run_worker(nats.address(), db, log, {"--ack-wait", "1", "--lease-ttl", "1", "--die-before-ack"});
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << read_file(log);
  const size_t committed = storyline::store::open_store(db)->documents().count();
  EXPECT_GT(committed, 0u) << "the batch was committed before the kill";

  // The next worker, once the dead one's lease has lapsed, gets the unacknowledged batch again
  // (after the ack wait).
  ASSERT_EQ(run_worker(nats.address(), db, log, {"--ack-wait", "1"}), 0) << read_file(log);
  const auto store = storyline::store::open_store(db);
  EXPECT_EQ(store->documents().count(), 10u);
  std::set<std::string> stories;
  size_t members = 0;
  for (int n = 0; n < 10; ++n) {
    const auto story = store->stories().story_of("queued-" + std::to_string(n));
    ASSERT_TRUE(story) << n;
    if (stories.insert(*story).second) members += store->stories().member_counts(*story).articles;
  }
  EXPECT_EQ(members, 10u) << "every article counted once in its story";
  const std::string text = read_file(log);
  EXPECT_NE(text.find(std::to_string(committed) + " unchanged, " + std::to_string(committed) + " redelivered"),
            std::string::npos)
      << text;
  // Nothing left in the queue: every message acknowledged.
  storyline::queue::JetStream jetstream(nats.address());
  storyline::queue::ConsumerSettings settings;
  settings.durable = "cluster";
  settings.ack_wait = 1s;
  const auto depth = jetstream.pull_consumer(storyline::queue::documents_stream(), settings)->depth();
  EXPECT_EQ(depth.pending, 0u);
  EXPECT_EQ(depth.ack_pending, 0u);
}

TEST(ClusterWorker, AStandbyTakesOverWhenTheActiveWorkerIsKilled) {
  START_NATS(nats);
  TempFolder folder("queue");
  const std::string db = (folder.path / "store.db").string();
  const std::string log_a = (folder.path / "a.log").string(), log_b = (folder.path / "b.log").string();
  const std::vector<std::string> args{"worker", "cluster",    "--queue", nats.address(), "--db",
                                      db,       "--ack-wait", "1",       "--lease-ttl",  "1"};
  const pid_t active = start_storyline(args, log_a);
  ASSERT_TRUE(wait_until([&] { return read_file(log_a).find("active:") != std::string::npos; })) << read_file(log_a);
  const pid_t standby = start_storyline(args, log_b);
  ASSERT_TRUE(wait_until([&] { return read_file(log_b).find("standby:") != std::string::npos; })) << read_file(log_b);

  storyline::queue::DocumentPublisher publisher(nats.address());
  const auto stored = [&] { return storyline::store::open_store(db)->documents().count(); };
  for (int n = 0; n < 5; ++n) publisher.publish({article(n)});
  ASSERT_TRUE(wait_until([&] { return stored() == 5; })) << read_file(log_a);
  EXPECT_EQ(read_file(log_b).find("active:"), std::string::npos) << "two active workers at once";

  kill(active, SIGKILL);
  wait_for(active);
  for (int n = 5; n < 10; ++n) publisher.publish({article(n)});
  ASSERT_TRUE(wait_until([&] { return stored() == 10; })) << read_file(log_b);
  EXPECT_NE(read_file(log_b).find("active:"), std::string::npos) << read_file(log_b);
  kill(standby, SIGTERM);
  EXPECT_EQ(wait_for(standby), 0) << read_file(log_b);
  const auto store = storyline::store::open_store(db);
  for (int n = 0; n < 10; ++n) EXPECT_TRUE(store->stories().story_of("queued-" + std::to_string(n))) << n;
}

TEST(ClusterWorker, TheContestApiWritesAndRemovesThroughTheQueue) {
  START_NATS(nats);
  TempFolder folder("queue");
  const std::string db = (folder.path / "store.db").string(), log = (folder.path / "log").string();
  const int port = free_loopback_port();
  const pid_t server = start_storyline({"serve", "--db", db, "--create", "--port", std::to_string(port), "--queue",
                                        nats.address()},
                                       log);
  ASSERT_TRUE(wait_until_healthy(port)) << read_file(log);
  httplib::Client client("127.0.0.1", port);
  const std::string page =
      "<html><head><title>Harbour report</title><meta property=\"og:url\" content=\"https://port.example/r\">"
      "</head><body><article><h1>Harbour authority report on shipping volumes</h1><p>The harbour authority "
      "published its report on Monday, listing cargo volumes for every berth and crane of the port.</p>"
      "</article></body></html>";
  const httplib::Headers ttl{{"Cache-Control", "max-age=3600"}};
  auto put = client.Put("/harbour.html", ttl, page, "text/html");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 201) << put->body;
  ASSERT_EQ(run_worker(nats.address(), db, log), 0) << read_file(log);
  {
    const auto store = storyline::store::open_store(db);
    EXPECT_TRUE(store->documents().get("harbour.html")) << "stored under the name it was put as";
    const int64_t now = std::time(nullptr);
    const auto later = store->documents().expired(now + 7200);
    EXPECT_NE(std::find(later.begin(), later.end(), "harbour.html"), later.end()) << "its time to live travelled";
    EXPECT_TRUE(store->documents().expired(now).empty());
  }
  auto again = client.Put("/harbour.html", ttl, page, "text/html");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 204) << "known to the store: an update";
  auto removed = client.Delete("/harbour.html");
  ASSERT_TRUE(removed);
  EXPECT_EQ(removed->status, 204);
  ASSERT_EQ(run_worker(nats.address(), db, log), 0) << read_file(log);
  EXPECT_FALSE(storyline::store::open_store(db)->documents().get("harbour.html")) << read_file(log);
  auto unknown = client.Delete("/harbour.html");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  kill(server, SIGTERM);
  wait_for(server);
}
