#include "storyline/cluster/inverted_index.h"

namespace storyline::cluster {

void InvertedIndex::add(TermId term, uint32_t cluster) {
  if (term >= lists_.size()) lists_.resize(term + 1);
  std::vector<uint32_t>& list = lists_[term];
  list.push_back(cluster);
  // Dropping the older half at once keeps the cost per insertion constant.
  if (list.size() >= 2 * max_postings_) list.erase(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(max_postings_));
}

std::span<const uint32_t> InvertedIndex::postings(TermId term) const {
  if (term >= lists_.size()) return {};
  return lists_[term];
}

size_t InvertedIndex::memory_bytes() const {
  size_t bytes = lists_.capacity() * sizeof(std::vector<uint32_t>);
  for (const auto& list : lists_) bytes += list.capacity() * sizeof(uint32_t);
  return bytes;
}

}  // namespace storyline::cluster
