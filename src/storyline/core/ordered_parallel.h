#pragma once
// Runs `work(i)` for i in [0, count) on several threads and hands each result to `emit` in index
// order as soon as it and all before it are done. At most `window` results wait at once, so
// memory stays constant however long the input list is.
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace storyline {

template <typename Result>
void ordered_parallel_for(size_t count, unsigned threads, const std::function<Result(size_t)>& work,
                          const std::function<void(size_t, Result&&)>& emit, size_t window = 0) {
  threads = std::max(1u, threads);
  if (window == 0) window = threads * 4;
  std::mutex mutex;
  std::condition_variable changed;
  size_t next_to_start = 0;
  size_t next_to_emit = 0;
  bool emitting = false;  // one thread emits at a time, so output is never interleaved
  std::map<size_t, Result> finished;

  auto worker = [&] {
    while (true) {
      size_t index;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return next_to_start >= count || next_to_start < next_to_emit + window; });
        if (next_to_start >= count) return;
        index = next_to_start++;
      }
      Result result = work(index);
      std::unique_lock lock(mutex);
      finished.emplace(index, std::move(result));
      // Whoever completes the next expected result emits everything that is ready, in order.
      if (emitting) continue;
      emitting = true;
      while (!finished.empty() && finished.begin()->first == next_to_emit) {
        auto node = finished.extract(finished.begin());
        ++next_to_emit;
        lock.unlock();
        emit(node.key(), std::move(node.mapped()));
        lock.lock();
      }
      emitting = false;
      changed.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& thread : pool) thread.join();
}

}  // namespace storyline
