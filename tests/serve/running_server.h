#pragma once
// A server on a free loopback port over a fresh store (written by `seed` first, when given),
// stopped at the end of the test: what every HTTP test starts from.
#include <httplib.h>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>

#include "postgres_server.h"
#include "storyline/serve/http_server.h"
#include "temp_store.h"

namespace storyline::testing {

class RunningServer {
 public:
  // `options.db` is replaced by the fresh store's address: a file, or with
  // STORYLINE_TEST_STORE=postgresql in the environment (ctest's api_on_postgresql) a new database
  // of a PostgreSQL server the tests start (postgres_server.h).
  explicit RunningServer(serve::ServerOptions options = small_server(),
                         const std::function<void(const std::string& db)>& seed = {}) {
    const char* wanted = std::getenv("STORYLINE_TEST_STORE");
    if (wanted && std::string_view(wanted) == "postgresql") {
      std::string why_not;
      const auto address = fresh_postgres_database(why_not);
      if (!address) throw std::runtime_error("STORYLINE_TEST_STORE=postgresql, but " + why_not);
      db_ = *address;
    }
    if (seed) seed(db_);
    options.db = db_;
    server_ = std::make_unique<serve::HttpServer>(options);
    port_ = server_->bind_any_port();
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    for (int i = 0; i < 200 && !server_->is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ~RunningServer() {
    server_->stop();
    thread_.join();
    server_.reset();  // closes the store before TempStore removes it
  }
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;

  int port() const { return port_; }
  httplib::Client client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(10, 0);
    return client;
  }

  // Limits small enough for tests to reach: 1 MiB bodies, expiry checked every 5 s.
  static serve::ServerOptions small_server() {
    serve::ServerOptions options;
    options.purge_interval_seconds = 5;
    options.max_body_bytes = 1 << 20;
    return options;
  }

 private:
  TempStore store_{"http"};
  std::string db_ = store_.path;
  std::unique_ptr<serve::HttpServer> server_;
  std::thread thread_;
  int port_ = -1;
};

}  // namespace storyline::testing
