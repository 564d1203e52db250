// Crash safety: `storyline serve` is killed with SIGKILL in the middle of a burst of
// POST /api/articles and started again. Every article answered 201 is there, with its story,
// and the store passes its integrity check.
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "storyline/store/sqlite_store.h"
#include "test_paths.h"

using nlohmann::json;

namespace {

int free_loopback_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

// `storyline serve` as a child process.
pid_t start_server(const std::string& db, int port) {
  const pid_t pid = fork();
  if (pid == 0) {
    const std::string binary = storyline::testing::storyline_binary();
    const std::string port_text = std::to_string(port);
    freopen("/dev/null", "w", stderr);
    execl(binary.c_str(), binary.c_str(), "serve", "--db", db.c_str(), "--create", "--port", port_text.c_str(), nullptr);
    _exit(127);
  }
  return pid;
}

bool wait_until_healthy(int port) {
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(0, 200000);
  for (int attempt = 0; attempt < 300; ++attempt) {
    if (auto reply = client.Get("/healthz"); reply && reply->status == 200) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

std::string article(int n) {
  // Distinct words per article so that none is a near-duplicate of another.
  const std::string tag = "item" + std::to_string(n);
  return json{{"id", "burst-" + std::to_string(n)},
              {"title", "Harbour authority report " + tag + " on shipping volumes"},
              {"text", "The harbour authority published report " + tag + " on Monday, listing cargo volumes for berth " +
                           std::to_string(n * 7 % 101) + " and crane " + std::to_string(n * 13 % 97) + ". Officials said " +
                           tag + " covers the quarter."},
              {"published", "2024-03-0" + std::to_string(1 + n % 9) + "T10:00:00Z"},
              {"domain", "port" + std::to_string(n % 5) + ".example"},
              {"language", "en"}}
      .dump();
}

}  // namespace

TEST(CrashSafety, EveryAcknowledgedArticleSurvivesSigkill) {
  const std::string db =
      (std::filesystem::temp_directory_path() / ("storyline-crash-" + std::to_string(getpid()) + ".db")).string();
  const int port = free_loopback_port();
  pid_t server = start_server(db, port);
  ASSERT_TRUE(wait_until_healthy(port)) << "serve did not start";

  std::mutex mutex;
  std::vector<std::string> acknowledged;
  std::atomic<bool> stop{false};
  std::atomic<int> next{0};
  std::vector<std::thread> senders;
  for (int t = 0; t < 4; ++t)
    senders.emplace_back([&] {
      httplib::Client client("127.0.0.1", port);
      client.set_read_timeout(5, 0);
      while (!stop) {
        const int n = next++;
        auto reply = client.Post("/api/articles", article(n), "application/json");
        if (!reply) continue;  // the server is gone: the answer never came, so nothing was promised
        if (reply->status == 201) {
          std::lock_guard lock(mutex);
          acknowledged.push_back(json::parse(reply->body).at("id"));
        }
      }
    });
  // Kill in the middle of the burst, once a good number was acknowledged.
  for (int i = 0; i < 400; ++i) {
    {
      std::lock_guard lock(mutex);
      if (acknowledged.size() >= 150) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(server, SIGKILL);
  waitpid(server, nullptr, 0);
  stop = true;
  for (auto& sender : senders) sender.join();
  ASSERT_GE(acknowledged.size(), 50u) << "the burst was too short to test anything";

  server = start_server(db, port);
  ASSERT_TRUE(wait_until_healthy(port)) << "serve did not restart after SIGKILL";
  {
    httplib::Client client("127.0.0.1", port);
    size_t missing = 0;
    for (const std::string& id : acknowledged) {
      auto reply = client.Get("/api/articles/" + id);
      missing += !reply || reply->status != 200;
    }
    EXPECT_EQ(missing, 0u) << "of " << acknowledged.size() << " acknowledged articles";
    auto stories = client.Get("/api/stories?limit=5");
    ASSERT_TRUE(stories);
    EXPECT_EQ(stories->status, 200);
    // The records the killed run left for after its answers were rewritten at the start, from
    // the documents: every story has its record, with its count (they were stale until the
    // story next changed; issue 16). Read beside the running server, which writes nothing now.
    storyline::store::SqliteStore reader(db);
    std::set<std::string> stories_of_documents;
    for (const std::string& id : acknowledged) stories_of_documents.insert(reader.stories().story_of(id).value_or(""));
    size_t unwritten = 0, miscounted = 0;
    for (const std::string& story : stories_of_documents) {
      const auto record = reader.stories().get(story);
      unwritten += !record;
      miscounted += record && record->article_count != reader.stories().member_counts(story).articles;
    }
    EXPECT_EQ(unwritten, 0u) << "stories without a record, of " << stories_of_documents.size();
    EXPECT_EQ(miscounted, 0u) << "stories whose record counts other articles than they hold";
    EXPECT_TRUE(reader.stories().stale().empty());
  }
  kill(server, SIGTERM);
  waitpid(server, nullptr, 0);

  storyline::store::SqliteStore store(db);
  EXPECT_EQ(store.integrity_check(), "ok");
  EXPECT_GE(store.documents().count(), acknowledged.size());
  for (const std::string& id : acknowledged) EXPECT_TRUE(store.stories().story_of(id).has_value()) << id << " has no story";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
}
