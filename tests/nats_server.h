#pragma once
// A NATS server with JetStream for the tests of the roles over the queue: started by the project's
// own script (scripts/nats/start.sh) on loopback in a folder of its own, one per test (a fresh
// stream and consumers each time), stopped when the object goes.
#include <string>

namespace storyline::testing {

class NatsServer {
 public:
  // nodes: 1, or 3 for a cluster (streams replicated R3).
  explicit NatsServer(int nodes = 1);
  ~NatsServer();
  NatsServer(const NatsServer&) = delete;
  NatsServer& operator=(const NatsServer&) = delete;

  // nats://127.0.0.1:PORT[,...], empty when no server could be started (why_not() says why:
  // nats-server not installed, which scripts/setup-debian.sh does).
  const std::string& address() const { return address_; }
  const std::string& why_not() const { return why_not_; }
  // Stops node k (1-based) as a lost machine would go.
  void stop_node(int k);

 private:
  std::string folder_, address_, why_not_;
};

}  // namespace storyline::testing
