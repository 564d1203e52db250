#pragma once
// Finds exact and near duplicates among the documents seen so far, in time that does not grow
// with their number: exact copies by a normalized-text hash, near copies (the same wire story
// lightly edited by several sites) by MinHash with locality-sensitive hashing (banding).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storyline/dedup/minhash.h"

namespace storyline::dedup {

// How a fingerprint reads words into shingles and hashes (shingles.h): one made under another
// number is not comparable and is made again (the store keeps each one's number).
// 1: the first; 2: apostrophes inside words ignored ("L’insécurité" = "L'insécurité").
inline constexpr int kFingerprintScheme = 2;

struct Fingerprint {
  uint64_t exact_hash = 0;
  Signature signature;
};

struct DuplicateMatch {
  size_t existing = 0;      // index of the earlier document, as returned by add()
  double similarity = 0.0;  // estimated Jaccard of word 5-shingles; 1.0 for exact copies
  bool exact = false;
};

struct DuplicateOptions {
  // 0.8 Jaccard of word 5-shingles: copies with a changed headline, byline or a few sentences.
  double threshold = 0.8;
  // 16 bands of 8 rows: a pair at Jaccard 0.8 shares a band with probability 1-(1-0.8^8)^16 ~ 0.94;
  // at 0.9, 0.9998; at 0.5, 0.06 (candidates only: every candidate is verified).
  size_t bands = 16;
  size_t rows = 8;
};

class DuplicateIndex {
 public:
  explicit DuplicateIndex(DuplicateOptions options = {});

  Fingerprint fingerprint(std::string_view utf8_text) const;

  // The most similar earlier document at or above the threshold, if any.
  std::optional<DuplicateMatch> find(const Fingerprint& fingerprint) const;

  // Remembers a document; returns its index.
  size_t add(Fingerprint fingerprint);

  size_t size() const { return signatures_.size(); }

 private:
  uint64_t band_key(const Signature& signature, size_t band) const;

  DuplicateOptions options_;
  MinHasher hasher_;
  std::vector<Signature> signatures_;
  std::unordered_map<uint64_t, size_t> exact_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> buckets_;
};

}  // namespace storyline::dedup
