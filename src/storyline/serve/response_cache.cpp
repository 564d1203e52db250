#include "storyline/serve/response_cache.h"

namespace storyline::serve {

void ResponseCache::invalidate() {
  std::lock_guard lock(mutex_);
  ++generation_;
  entries_.clear();
}

uint64_t ResponseCache::generation() const {
  std::lock_guard lock(mutex_);
  return generation_;
}

std::optional<ResponseCache::Answer> ResponseCache::find(const std::string& key) const {
  std::lock_guard lock(mutex_);
  const auto found = entries_.find(key);
  if (found == entries_.end() || found->second.generation != generation_) return std::nullopt;
  return found->second.answer;
}

void ResponseCache::store(const std::string& key, Answer answer, uint64_t generation) {
  std::lock_guard lock(mutex_);
  if (generation != generation_) return;  // computed from a store that has changed since
  // Many distinct URLs (searches) would grow it without bound: start over when full.
  if (entries_.size() >= max_entries_) entries_.clear();
  entries_[key] = {generation, std::move(answer)};
}

}  // namespace storyline::serve
