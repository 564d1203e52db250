#include "storyline/core/progress_bar.h"

#include <unistd.h>

#include <cstdio>

namespace storyline {

ProgressBar::ProgressBar(std::string label, size_t total)
    : label_(std::move(label)),
      total_(total),
      enabled_(isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

ProgressBar::~ProgressBar() {
  if (enabled_) {
    draw(true);
    std::fputc('\n', stderr);
  }
}

void ProgressBar::advance(size_t count) {
  done_ += count;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  std::unique_lock lock(draw_mutex_, std::try_to_lock);
  if (!lock.owns_lock() || now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  draw(false);
}

void ProgressBar::draw(bool final) {
  (void) final;
  const size_t done = done_.load();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = seconds > 0 ? done / seconds : 0.0;
  constexpr int kWidth = 30;
  if (total_ > 0) {
    const double fraction = std::min(1.0, static_cast<double>(done) / static_cast<double>(total_));
    const int filled = static_cast<int>(fraction * kWidth);
    std::string bar(static_cast<size_t>(filled), '#');
    bar.resize(kWidth, '.');
    const double eta = rate > 0 ? (static_cast<double>(total_) - static_cast<double>(done)) / rate : 0.0;
    std::fprintf(stderr, "\r%s [%s] %zu/%zu %.0f/s ETA %dm%02ds ", label_.c_str(), bar.c_str(), done, total_, rate,
                 static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
  } else {
    std::fprintf(stderr, "\r%s %zu %.0f/s ", label_.c_str(), done, rate);
  }
  std::fflush(stderr);
}

}  // namespace storyline
