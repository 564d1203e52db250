#include "storyline/sources/host_pacer.h"

#include <algorithm>
#include <thread>

namespace storyline::sources {

void HostPacer::wait_turn(const std::string& host, std::chrono::milliseconds delay) {
  std::chrono::steady_clock::time_point start;
  {
    std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    auto& next = next_start_[host];
    start = std::max(now, next);
    next = start + std::max(min_delay_, delay);
  }
  std::this_thread::sleep_until(start);
}

}  // namespace storyline::sources
