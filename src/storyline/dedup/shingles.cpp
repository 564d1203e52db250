#include "storyline/dedup/shingles.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "storyline/core/hash.h"
#include "storyline/text/tokenize.h"

namespace storyline::dedup {
namespace {

// The length of the apostrophe `word` holds at `i` (ICU keeps them inside a word: UAX #29's
// MidNumLet, and a letter): typewriter ', curly ’ and ‘, modifier letter ʼ, fullwidth ＇; else 0.
size_t apostrophe_at(std::string_view word, size_t i) {
  const auto byte = [&](size_t k) { return i + k < word.size() ? static_cast<unsigned char>(word[i + k]) : 0; };
  if (byte(0) == '\'') return 1;
  if (byte(0) == 0xE2 && byte(1) == 0x80 && (byte(2) == 0x98 || byte(2) == 0x99)) return 3;  // U+2018, U+2019
  if (byte(0) == 0xCA && byte(1) == 0xBC) return 2;                                          // U+02BC
  if (byte(0) == 0xEF && byte(1) == 0xBC && byte(2) == 0x87) return 3;                       // U+FF07
  return 0;
}

// The word without its apostrophes, or the word itself (no copy) when it has none.
std::string_view without_apostrophes(std::string_view word, std::string& buffer) {
  if (word.find_first_of("'\xE2\xCA\xEF") == std::string_view::npos) return word;
  buffer.clear();
  for (size_t i = 0; i < word.size();) {
    const size_t skip = apostrophe_at(word, i);
    if (skip == 0) buffer += word[i++];
    else i += skip;
  }
  return buffer;
}

// The word case-folded, without its apostrophes. An ASCII word (most of them) in one pass, as
// text::fold_case would fold it; others through it.
std::string folded_word(std::string_view word, std::string& buffer) {
  std::string folded;
  folded.reserve(word.size());
  for (const char c : word) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) return text::fold_case(without_apostrophes(word, buffer));
    if (c != '\'') folded += static_cast<char>(std::tolower(byte));
  }
  return folded;
}

std::vector<uint64_t> folded_word_hashes(std::string_view utf8) {
  std::vector<uint64_t> hashes;
  std::string buffer;
  for (const auto& word : text::split_words(utf8)) hashes.push_back(fnv1a64(folded_word(word.text, buffer)));
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
