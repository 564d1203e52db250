#pragma once
// A worker role's own small HTTP endpoint (`worker cluster --metrics-port`), for the same probes
// and scrapers as `serve`: GET /healthz 200 while the process runs; GET /readyz 200 when the
// worker is active, 503 while it waits as a standby or starts; GET /metrics in the Prometheus text
// format. Loopback unless told otherwise; one request per connection, answered from memory, each
// connection cut after 2 s, so a slow client holds nothing for long.
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace storyline::worker {

// Appends one metric in the Prometheus text format: its HELP and TYPE lines, then its value.
template <typename Value>
void append_metric(std::string& text, std::string_view name, std::string_view type, std::string_view help, Value value) {
  text.append("# HELP ").append(name).append(" ").append(help).append("\n# TYPE ").append(name).append(" ");
  text.append(type).append("\n").append(name).append(" ").append(std::to_string(value)).append("\n");
}

class MetricsEndpoint {
 public:
  // Listens at once on host:port (throws std::runtime_error naming them when it cannot) and
  // answers from a thread of its own until destroyed.
  MetricsEndpoint(const std::string& host, int port, std::function<std::string()> metrics, std::function<bool()> ready);
  ~MetricsEndpoint();
  MetricsEndpoint(const MetricsEndpoint&) = delete;
  MetricsEndpoint& operator=(const MetricsEndpoint&) = delete;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyline::worker
