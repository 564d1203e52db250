// `serve --queue --extract-workers`, `worker extract` and `worker cluster` as processes over a real
// nats-server: a contest PUT is queued unread, read by an extract worker, stored by the cluster
// worker under its name with its time to live; a page nothing can be read from is dropped, named.
// Skipped, saying why, when nats-server is not installed.
#include <gtest/gtest.h>
#include <signal.h>

#include <ctime>

#include "nats_server.h"
#include "role_processes.h"
#include "storyline/store/store.h"
#include "temp_folder.h"

using namespace storyline::testing;

TEST(ExtractWorker, AQueuedPageIsReadByAnExtractWorkerAndStoredByTheClusterWorker) {
  NatsServer nats;
  if (nats.address().empty()) GTEST_SKIP() << "no NATS server: " << nats.why_not();
  TempFolder folder("extract");
  const std::string db = (folder.path / "store.db").string(), log = (folder.path / "log").string();
  const int port = free_loopback_port();
  const pid_t server = start_storyline({"serve", "--db", db, "--create", "--port", std::to_string(port), "--queue",
                                        nats.address(), "--extract-workers"},
                                       log);
  ASSERT_TRUE(wait_until_healthy(port)) << read_file(log);
  httplib::Client client("127.0.0.1", port);
  const std::string page =
      "<html><head><title>Harbour report</title><meta property=\"og:url\" content=\"https://port.example/r\">"
      "</head><body><article><h1>Harbour authority report on shipping volumes</h1><p>The harbour authority "
      "published its report on Monday, listing cargo volumes for every berth and crane of the port.</p>"
      "</article></body></html>";
  auto put = client.Put("/harbour.html", {{"Cache-Control", "max-age=3600"}}, page, "text/html");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 201) << put->body;
  auto unreadable = client.Put("/nothing.html", "   ", "text/html");
  ASSERT_TRUE(unreadable);
  EXPECT_EQ(unreadable->status, 201) << "queued unread: the extract worker finds it empty";

  const int extracted = wait_for(
      start_storyline({"worker", "extract", "--queue", nats.address(), "--exit-when-idle", "2"}, log));
  EXPECT_EQ(WEXITSTATUS(extracted), 1) << "one page rejected: " << read_file(log);
  EXPECT_NE(read_file(log).find("page nothing.html dropped"), std::string::npos) << read_file(log);
  EXPECT_NE(read_file(log).find("2 pages, 1 documents published, 1 rejected"), std::string::npos) << read_file(log);
  ASSERT_EQ(wait_for(
                start_storyline({"worker", "cluster", "--queue", nats.address(), "--db", db, "--exit-when-idle", "2"}, log)),
            0)
      << read_file(log);
  const auto store = storyline::store::open_store(db);
  const auto document = store->documents().get("harbour.html");
  ASSERT_TRUE(document) << read_file(log);
  EXPECT_EQ(document->title.value_or(""), "Harbour authority report on shipping volumes");
  const auto later = store->documents().expired(std::time(nullptr) + 7200);
  EXPECT_NE(std::find(later.begin(), later.end(), "harbour.html"), later.end()) << "its time to live travelled";
  EXPECT_EQ(store->documents().count(), 1u);
  kill(server, SIGTERM);
  wait_for(server);
}
