#include "storyline/eval/name_match.h"

#include <algorithm>

#include "storyline/text/tokenize.h"

namespace storyline::eval {

std::vector<std::string> folded_words(const std::string& text) {
  std::vector<std::string> words;
  for (const auto& word : text::split_words(text)) words.push_back(text::fold_case(word.text));
  return words;
}

bool contains_run(const std::vector<std::string>& whole, const std::vector<std::string>& part) {
  return !part.empty() && part.size() <= whole.size() &&
         std::search(whole.begin(), whole.end(), part.begin(), part.end()) != whole.end();
}

}  // namespace storyline::eval
