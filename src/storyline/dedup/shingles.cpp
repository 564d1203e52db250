#include "storyline/dedup/shingles.h"

#include <algorithm>
#include <string>

#include "storyline/core/hash.h"
#include "storyline/text/tokenize.h"

namespace storyline::dedup {
namespace {

std::vector<uint64_t> folded_word_hashes(std::string_view utf8) {
  std::vector<uint64_t> hashes;
  for (const auto& word : text::split_words(utf8)) hashes.push_back(fnv1a64(text::fold_case(word.text)));
  return hashes;
}

}  // namespace

std::vector<uint64_t> word_shingles(std::string_view utf8, size_t width) {
  const std::vector<uint64_t> words = folded_word_hashes(utf8);
  std::vector<uint64_t> shingles;
  if (words.empty()) return shingles;
  width = std::max<size_t>(1, std::min(width, words.size()));
  shingles.reserve(words.size() - width + 1);
  for (size_t start = 0; start + width <= words.size(); ++start) {
    uint64_t hash = 0x9E3779B97F4A7C15ULL;
    for (size_t k = 0; k < width; ++k) hash = (hash ^ words[start + k]) * 0x100000001B3ULL + (hash >> 29);
    shingles.push_back(hash);
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  return shingles;
}

uint64_t normalized_text_hash(std::string_view utf8) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (uint64_t word : folded_word_hashes(utf8))
    hash = fnv1a64(std::string_view(reinterpret_cast<const char*>(&word), sizeof word), hash);
  return hash;
}

}  // namespace storyline::dedup
