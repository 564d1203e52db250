#pragma once
// Answers of read-only API calls, kept until the store changes: every write bumps the
// generation, which makes every cached answer stale at once. Readers then share one computed
// answer per URL instead of each re-reading the store (what keeps /api/stories fast under load).
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace storyline::serve {

class ResponseCache {
 public:
  explicit ResponseCache(size_t max_entries = 512) : max_entries_(max_entries) {}

  // The store changed: everything cached so far is stale.
  void invalidate();
  uint64_t generation() const;

  // Shared, not copied: a cached answer can be large (50 stories with their articles), and the
  // lock is held only to take a reference. `gzipped` is null for small answers.
  struct Answer {
    std::shared_ptr<const std::string> body;
    std::shared_ptr<const std::string> gzipped;
  };
  std::optional<Answer> find(const std::string& key) const;
  // Stored only if the store has not changed since `generation` was read (before computing).
  void store(const std::string& key, Answer answer, uint64_t generation);

 private:
  struct Entry {
    uint64_t generation = 0;
    Answer answer;
  };
  size_t max_entries_;
  mutable std::mutex mutex_;
  uint64_t generation_ = 0;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace storyline::serve
