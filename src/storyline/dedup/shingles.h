#pragma once
// Word shingles: the hashed runs of `width` consecutive words of a text, case-folded, punctuation
// ignored, apostrophes inside a word too ("L’insécurité" and "L'insécurité" are one word: sites
// that reprint a story curl its apostrophes or straighten them). Two texts share most shingles
// exactly when one is a copy or light edit of the other.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace storyline::dedup {

// Sorted, without repeats. A text shorter than `width` words gives one shingle of all its words;
// an empty text gives none.
std::vector<uint64_t> word_shingles(std::string_view utf8, size_t width = 5);

// Hash of the whole text with case, punctuation and spacing ignored: equal for exact duplicates.
uint64_t normalized_text_hash(std::string_view utf8);

}  // namespace storyline::dedup
