#include "storyline/dedup/duplicate_index.h"

#include <stdexcept>

#include "storyline/core/hash.h"
#include "storyline/dedup/shingles.h"

namespace storyline::dedup {

DuplicateIndex::DuplicateIndex(DuplicateOptions options) : options_(options), hasher_(options.bands * options.rows) {
  if (options_.bands == 0 || options_.rows == 0) throw std::invalid_argument("bands and rows must be positive");
}

Fingerprint DuplicateIndex::fingerprint(std::string_view utf8_text) const {
  return Fingerprint{normalized_text_hash(utf8_text), hasher_.signature(word_shingles(utf8_text))};
}

uint64_t DuplicateIndex::band_key(const Signature& signature, size_t band) const {
  uint64_t key = fnv1a64(std::string_view(reinterpret_cast<const char*>(&band), sizeof band));
  const size_t begin = band * options_.rows;
  key = fnv1a64(std::string_view(reinterpret_cast<const char*>(signature.data() + begin), options_.rows * sizeof(uint32_t)),
                key);
  return key;
}

std::optional<DuplicateMatch> DuplicateIndex::find(const Fingerprint& fingerprint) const {
  if (fingerprint.signature.empty()) return std::nullopt;  // no words: nothing to compare
  if (auto exact = exact_.find(fingerprint.exact_hash); exact != exact_.end())
    return DuplicateMatch{exact->second, 1.0, true};
  std::optional<DuplicateMatch> best;
  for (size_t band = 0; band < options_.bands; ++band) {
    auto bucket = buckets_.find(band_key(fingerprint.signature, band));
    if (bucket == buckets_.end()) continue;
    for (uint32_t candidate : bucket->second) {
      if (best && best->existing == candidate) continue;
      const double similarity = estimated_jaccard(fingerprint.signature, signatures_[candidate]);
      if (similarity >= options_.threshold && (!best || similarity > best->similarity))
        best = DuplicateMatch{candidate, similarity, false};
    }
  }
  return best;
}

size_t DuplicateIndex::add(Fingerprint fingerprint) {
  const size_t index = signatures_.size();
  if (!fingerprint.signature.empty()) {
    exact_.emplace(fingerprint.exact_hash, index);
    for (size_t band = 0; band < options_.bands; ++band)
      buckets_[band_key(fingerprint.signature, band)].push_back(static_cast<uint32_t>(index));
  }
  signatures_.push_back(std::move(fingerprint.signature));
  return index;
}

}  // namespace storyline::dedup
