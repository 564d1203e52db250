#pragma once
// Names found by their capitals, in any cased script: runs of capitalised words ("Lindsay Lohan",
// "Betty Ford Center", "Bank of England") and capitalised words inside a sentence ("Doha"). The
// clusterer compares documents by them in every language; the labeller makes entities of them in
// languages that capitalise only names (label/capitalized_names.h).
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/text/tokenize.h"  // Word

namespace storyline::text {

struct NameRun {
  size_t first_word = 0;  // the name is words[first_word .. last_word)
  size_t last_word = 0;
  bool opens_sentence = false;  // its first word opens a sentence (no stop word was dropped before it)
  std::string folded;           // its words case-folded, joined by one space
};

// `words` are split_words(text). A single word that opens a sentence is not taken (it is
// capitalised for grammar, not as a name), nor are leading or trailing stop words ("The White
// House" -> "white house").
std::vector<NameRun> find_name_runs(std::string_view text, std::span<const Word> words,
                                    const std::function<bool(std::string_view folded)>& is_stop_word);

// The same, each name case-folded with its words joined by one space.
std::vector<std::string> find_names(std::string_view text, std::span<const Word> words,
                                    const std::function<bool(std::string_view folded)>& is_stop_word);

}  // namespace storyline::text
