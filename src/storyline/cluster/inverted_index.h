#pragma once
// Term -> the clusters listed under it, newest last. Each list keeps only its newest entries, so
// a lookup costs the same after a million documents as after a thousand.
#include <cstdint>
#include <span>
#include <vector>

#include "storyline/cluster/term_vectors.h"

namespace storyline::cluster {

class InvertedIndex {
 public:
  explicit InvertedIndex(size_t max_postings = 256) : max_postings_(max_postings) {}
  void add(TermId term, uint32_t cluster);
  std::span<const uint32_t> postings(TermId term) const;
  size_t memory_bytes() const;

 private:
  std::vector<std::vector<uint32_t>> lists_;
  size_t max_postings_;
};

}  // namespace storyline::cluster
