#pragma once
// Politeness: requests to one host start at least `min_delay` apart, whichever worker sends
// them. Thread-safe; a caller waits (sleeps) for its turn.
#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace storyline::sources {

class HostPacer {
 public:
  explicit HostPacer(std::chrono::milliseconds min_delay) : min_delay_(min_delay) {}

  // Returns when a request to `host` may start, having booked that moment for this caller. The
  // next request to the host waits `delay` after this one (the least delay when shorter).
  void wait_turn(const std::string& host, std::chrono::milliseconds delay = std::chrono::milliseconds(0));

 private:
  std::chrono::milliseconds min_delay_;
  std::mutex mutex_;
  std::map<std::string, std::chrono::steady_clock::time_point> next_start_;
};

}  // namespace storyline::sources
