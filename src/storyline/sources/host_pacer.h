#pragma once
// Politeness: requests to one host start at least `min_delay` apart, whichever worker sends
// them. Thread-safe; a caller waits (sleeps) for its turn.
#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace storyline::sources {

// Whose turn it is at a host: kept in this process (HostPacer), or across the pollers of several
// machines (`sources poll --queue`: worker/shared_host_turns.h).
class HostTurns {
 public:
  virtual ~HostTurns() = default;
  // Returns when a request to `host` may start, having booked that moment for this caller. The
  // next request to the host waits `delay` after this one.
  virtual void wait_turn(const std::string& host, std::chrono::milliseconds delay) = 0;
};

class HostPacer : public HostTurns {
 public:
  explicit HostPacer(std::chrono::milliseconds min_delay) : min_delay_(min_delay) {}

  // As HostTurns; the least delay when `delay` is shorter.
  void wait_turn(const std::string& host, std::chrono::milliseconds delay = std::chrono::milliseconds(0)) override;

 private:
  std::chrono::milliseconds min_delay_;
  std::mutex mutex_;
  std::map<std::string, std::chrono::steady_clock::time_point> next_start_;
};

}  // namespace storyline::sources
