#pragma once
// Keys under which one name, written in different alphabets and languages, meets itself:
// "Trump", "Трамп", "Трампа" and "Tramp" share a key, as do "Zelensky", "Зеленский" and
// "Зеленського". Reports of one event in two languages share few words but many names and
// numbers; these keys are how they find each other (issue 13, item 3).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::cluster {

// A name word (any script), stemmed the way of its language so that case endings are gone
// ("Трампом" -> "трамп"), to Latin by ICU's Any-Latin and Latin-ASCII transliterators, then to
// its consonant skeleton in the manner of Soundex: letters of one sound class share a digit,
// vowels (and h, j, y, which transliterations spell differently) are dropped, repeats are
// collapsed. Nullopt when fewer than three consonant classes remain: such keys would match too
// much by chance.
std::optional<std::string> cross_script_key(std::string_view name_word);

// How many names `keys` (cross_script_key()s, in any order) are: a name word is keyed as written
// and as stemmed, and where the stemmer cut a consonant ("Merkels", "merkel") the stem's key is a
// prefix of the written one's. Keys that are a prefix of another count once with it, so that one
// name in two forms is not taken for the two names a cross-language merge asks for. Sorts `keys`.
size_t distinct_names(std::vector<std::string_view>& keys);

// A number as digits only ("122,000", "122.000" and "122000" alike; Arabic-Indic and other
// decimal digits read as 0-9); nullopt unless the word is a number of at least three digits that
// does not start with 0.
std::optional<std::string> number_key(std::string_view word);

}  // namespace storyline::cluster
