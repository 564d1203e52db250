#pragma once
// Entity-like features found by simple patterns: runs of capitalised words ("Lindsay Lohan",
// "Betty Ford Center", "Bank of England") and capitalised words inside a sentence ("Doha").
// A stand-in until the entities stage lands: names are what tell two events of one kind apart.
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/text/tokenize.h"

namespace storyline::cluster {

// `words` are split_words(text). Names come back case-folded, words joined by one space; a
// single word that opens a sentence is not taken (it is capitalised for grammar, not as a
// name), nor are leading or trailing stop words ("The White House" -> "white house").
std::vector<std::string> find_names(std::string_view text, std::span<const text::Word> words,
                                    const std::function<bool(std::string_view folded)>& is_stop_word);

}  // namespace storyline::cluster
