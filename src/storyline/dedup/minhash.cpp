#include "storyline/dedup/minhash.h"

#include <algorithm>
#include <limits>

namespace storyline::dedup {
namespace {

// splitmix64 finaliser: a strong 64-bit mix, so hash(x ^ seed_i) acts as independent permutations.
uint64_t mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace

MinHasher::MinHasher(size_t permutations, uint64_t seed) {
  seeds_.reserve(permutations);
  for (size_t i = 0; i < permutations; ++i) seeds_.push_back(mix(seed + i));
}

Signature MinHasher::signature(const std::vector<uint64_t>& shingles) const {
  if (shingles.empty()) return {};
  Signature result(seeds_.size(), std::numeric_limits<uint32_t>::max());
  for (uint64_t shingle : shingles) {
    for (size_t i = 0; i < seeds_.size(); ++i) result[i] = std::min(result[i], static_cast<uint32_t>(mix(shingle ^ seeds_[i]) >> 32));
  }
  return result;
}

double estimated_jaccard(const Signature& a, const Signature& b) {
  if (a.empty() || a.size() != b.size()) return 0.0;
  size_t agree = 0;
  for (size_t i = 0; i < a.size(); ++i) agree += a[i] == b[i];
  return static_cast<double>(agree) / static_cast<double>(a.size());
}

double jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() && b.empty()) return 0.0;
  size_t common = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++common, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

}  // namespace storyline::dedup
