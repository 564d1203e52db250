#include "storyline/text/name_runs.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>

namespace storyline::text {
namespace {

bool is_capitalised(std::string_view word) {
  if (word.empty()) return false;
  int32_t offset = 0;
  UChar32 first = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), offset, static_cast<int32_t>(word.size()), first);
  return first >= 0 && (u_isupper(first) || u_istitle(first));
}

// Lower-case particles that sit inside names.
bool is_name_particle(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kParticles = {"of",  "de",  "del", "da",  "di", "la",
                                                                  "van", "von", "al",  "bin", "le", "du"};
  for (std::string_view particle : kParticles)
    if (word == particle) return true;
  return false;
}

// Whether only spaces (no newline, no punctuation) separate two words.
bool joined_by_space(std::string_view text, const Word& left, const Word& right) {
  const size_t end = left.offset + left.text.size();
  if (right.offset <= end || right.offset - end > 2) return false;
  for (size_t i = end; i < right.offset; ++i)
    if (text[i] != ' ') return false;
  return true;
}

bool opens_sentence(std::string_view text, const Word& word) {
  size_t i = word.offset;
  while (i > 0) {
    const char c = text[i - 1];
    if (c == ' ' || c == '"' || c == '\'' || c == '(' || c == '`') {
      --i;
      continue;
    }
    if (static_cast<unsigned char>(c) >= 0x80) return false;  // a curly quote or letter: rare, call it inside
    return c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '-';
  }
  return true;
}

}  // namespace

std::vector<NameRun> find_name_runs(std::string_view text, std::span<const Word> words,
                                    const std::function<bool(std::string_view folded)>& is_stop_word) {
  std::vector<NameRun> names;
  size_t i = 0;
  while (i < words.size()) {
    if (!is_capitalised(words[i].text)) {
      ++i;
      continue;
    }
    // Extend the run: capitalised words, or a particle followed by a capitalised word.
    std::vector<std::string> run;
    const bool at_sentence_start = opens_sentence(text, words[i]);
    size_t j = i;
    run.push_back(fold_case(words[j].text));
    while (j + 1 < words.size() && joined_by_space(text, words[j], words[j + 1])) {
      const std::string_view next = words[j + 1].text;
      if (is_capitalised(next)) {
        run.push_back(fold_case(next));
        ++j;
      } else if (is_name_particle(next) && j + 2 < words.size() && joined_by_space(text, words[j + 1], words[j + 2]) &&
                 is_capitalised(words[j + 2].text)) {
        run.push_back(std::string(next));
        run.push_back(fold_case(words[j + 2].text));
        j += 2;
      } else {
        break;
      }
    }
    size_t first = 0, last = run.size();
    while (first < last && is_stop_word(run[first])) ++first;
    while (last > first && (is_stop_word(run[last - 1]) || is_name_particle(run[last - 1]))) --last;
    const bool dropped_opener = first > 0;
    if (last - first >= 2 || (last - first == 1 && (!at_sentence_start || dropped_opener))) {
      NameRun name{i + first, i + last, at_sentence_start && first == 0, {}};
      for (size_t k = first; k < last; ++k) {
        if (!name.folded.empty()) name.folded += ' ';
        name.folded += run[k];
      }
      names.push_back(std::move(name));
    }
    i = j + 1;
  }
  return names;
}

std::vector<std::string> find_names(std::string_view text, std::span<const Word> words,
                                    const std::function<bool(std::string_view folded)>& is_stop_word) {
  std::vector<std::string> names;
  for (NameRun& run : find_name_runs(text, words, is_stop_word)) names.push_back(std::move(run.folded));
  return names;
}

}  // namespace storyline::text
