#pragma once
// MinHash signatures: a fixed-size sketch of a shingle set whose per-position agreement rate
// estimates the Jaccard similarity of two sets (Broder 1997).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::dedup {

// 32-bit minima: half the memory of 64-bit ones, and collisions (1 in 4e9) do not move estimates.
using Signature = std::vector<uint32_t>;

class MinHasher {
 public:
  explicit MinHasher(size_t permutations = 128, uint64_t seed = 0x5EED5EED5EEDULL);

  // An empty set gives an empty signature (never similar to anything).
  Signature signature(const std::vector<uint64_t>& shingles) const;
  size_t permutations() const { return seeds_.size(); }

 private:
  std::vector<uint64_t> seeds_;
};

// Compact bytes for storage (little-endian 32-bit values) and back; decode of bad bytes gives an
// empty signature.
std::string encode_signature(const Signature& signature);
Signature decode_signature(std::string_view bytes);

// Share of positions where the signatures agree; 0 when either is empty or sizes differ.
double estimated_jaccard(const Signature& a, const Signature& b);

// Exact Jaccard similarity of two sorted, repeat-free shingle sets.
double jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

}  // namespace storyline::dedup
