#pragma once
// Stable 64-bit hashes for ids (FNV-1a: tiny, stable across platforms and versions, which
// std::hash is not).
#include <cstdint>
#include <string>
#include <string_view>

namespace storyline {

constexpr uint64_t fnv1a64(std::string_view bytes, uint64_t seed = 0xcbf29ce484222325ULL) {
  uint64_t hash = seed;
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// 16 lower-case hex digits.
std::string hex64(uint64_t value);

}  // namespace storyline
