#pragma once
// A stand-in stemmer for languages Snowball has none for (Ukrainian, Bulgarian, Persian, Hebrew,
// Polish, Czech, Korean...): a word cut to its first few letters. Truncation is a crude but
// language-independent stemmer that works about as well as a real one for matching news
// reports (McNamee & Mayfield, "Character N-Gram Tokenization for European Language Text
// Retrieval", 2004): inflected forms of one word share their opening.
#include <string>
#include <string_view>

namespace storyline::cluster {

// The first 5 letters of a case-folded word (2 syllables of Hangul, where a particle follows a
// noun of one to three syllables); words of scripts written without spaces (Chinese, Japanese,
// Thai...), which ICU already cut into dictionary words, are kept whole.
std::string truncation_stem(std::string_view folded_word);

}  // namespace storyline::cluster
