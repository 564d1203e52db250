#pragma once
// Counters and latency sums for /metrics, in the Prometheus text exposition format.
#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace storyline::serve {

class Metrics {
 public:
  void observe_request(const std::string& route, int status, double seconds);
  void count_ingested(uint64_t documents) { ingested_ += documents; }
  void count_queued(uint64_t documents) { queued_ += documents; }
  // `documents` and `stories` are gauges read from the store when scraped.
  std::string render(uint64_t documents, uint64_t stories) const;

 private:
  // Latency buckets in seconds (Prometheus histogram, cumulative on render).
  static constexpr std::array<double, 10> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 2.5};
  struct RouteStats {
    uint64_t count = 0;
    double seconds = 0;
    std::array<uint64_t, kBuckets.size()> buckets{};
    std::map<int, uint64_t> statuses;
  };
  mutable std::mutex mutex_;
  std::map<std::string, RouteStats> routes_;
  std::atomic<uint64_t> ingested_{0};
  std::atomic<uint64_t> queued_{0};
};

}  // namespace storyline::serve
