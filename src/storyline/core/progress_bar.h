#pragma once
// A progress bar with rate and ETA for long jobs, drawn on stderr only when stderr is a
// terminal (silent when piped or in CI). Hand-written: Debian packages no C++ progress library.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

namespace storyline {

class ProgressBar {
 public:
  // `total` 0 means unknown: the bar shows count and rate only.
  ProgressBar(std::string label, size_t total);
  ~ProgressBar();  // finishes the line

  void advance(size_t count = 1);
  bool enabled() const { return enabled_; }

 private:
  void draw(bool final);

  std::string label_;
  size_t total_;
  bool enabled_;
  std::atomic<size_t> done_{0};
  std::mutex draw_mutex_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace storyline
