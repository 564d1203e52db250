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
    for (size_t i = 0; i < seeds_.size(); ++i)
      result[i] = std::min(result[i], static_cast<uint32_t>(mix(shingle ^ seeds_[i]) >> 32));
  }
  return result;
}

std::string encode_signature(const Signature& signature) {
  std::string bytes;
  bytes.reserve(signature.size() * 4);
  for (uint32_t value : signature)
    for (int shift = 0; shift < 32; shift += 8) bytes += static_cast<char>((value >> shift) & 0xFF);
  return bytes;
}

Signature decode_signature(std::string_view bytes) {
  if (bytes.size() % 4 != 0) return {};
  Signature signature(bytes.size() / 4);
  for (size_t i = 0; i < signature.size(); ++i) {
    uint32_t value = 0;
    for (int k = 3; k >= 0; --k) value = (value << 8) | static_cast<unsigned char>(bytes[i * 4 + static_cast<size_t>(k)]);
    signature[i] = value;
  }
  return signature;
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
