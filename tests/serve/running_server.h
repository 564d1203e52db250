#pragma once
// A server on a free loopback port over a fresh store (written by `seed` first, when given),
// stopped at the end of the test: what every HTTP test starts from.
#include <httplib.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "storyline/serve/http_server.h"
#include "temp_store.h"

namespace storyline::testing {

class RunningServer {
 public:
  // `options.db` is replaced by the fresh store's path.
  explicit RunningServer(serve::ServerOptions options = small_server(),
                         const std::function<void(const std::string& db)>& seed = {}) {
    if (seed) seed(store_.path);
    options.db = store_.path;
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
  std::unique_ptr<serve::HttpServer> server_;
  std::thread thread_;
  int port_ = -1;
};

}  // namespace storyline::testing
