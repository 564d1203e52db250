#include "storyline/cluster/truncation_stem.h"

#include "storyline/text/utf8.h"

namespace storyline::cluster {
namespace {

bool is_hangul(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }

// Scripts without spaces between words: Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar.
bool is_unspaced_script(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x3040 && c <= 0x30FF) ||
         (c >= 0x0E00 && c <= 0x0EFF) || (c >= 0x1780 && c <= 0x17FF) || (c >= 0x1000 && c <= 0x109F);
}

}  // namespace

std::string truncation_stem(std::string_view folded_word) {
  size_t position = 0;
  const char32_t first = text::next_code_point(folded_word, position);
  if (is_unspaced_script(first)) return std::string(folded_word);
  const size_t keep = is_hangul(first) ? 2 : 5;
  position = 0;
  for (size_t letters = 0; letters < keep && position < folded_word.size(); ++letters)
    text::next_code_point(folded_word, position);
  return std::string(folded_word.substr(0, position));
}

}  // namespace storyline::cluster
