#pragma once
// Reading a language through a closely related one (kindred_spellings.tsv): a Ukrainian word as
// the Russian stem it is a spelling of, so that the translation lexicon's 25,000 Russian stems
// also translate Ukrainian. Both are reduced to skeletons in which the letters that correspond
// regularly but ambiguously (Ukrainian і is Russian и, е or о) become one class letter.
#include <string>
#include <string_view>
#include <vector>

namespace storyline::label {

// The language whose stems `language`'s words are read as ("ru" for "uk"), or empty.
std::string_view kindred_language(std::string_view language);

// Whether some language is read as `language` (true for "ru").
bool is_kindred_target(std::string_view language);

// At most this many skeletons of one word (a word with many і gets only its first choices).
inline constexpr size_t kMaxSpellingSkeletons = 32;

// Skeletons of `folded_word` (case-folded) of `language`: every choice of class for its letters,
// the table's first choices first. A language the table does not list, or a letter it does not,
// is kept as written.
std::vector<std::string> spelling_skeletons(std::string_view language, std::string_view folded_word);

}  // namespace storyline::label
