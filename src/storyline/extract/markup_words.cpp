#include "storyline/extract/markup_words.h"

#include <algorithm>

namespace storyline::extract {

bool has_token_prefix(const std::string& marks, std::initializer_list<std::string_view> prefixes) {
  size_t start = 0;
  while (start < marks.size()) {
    size_t end = marks.find(' ', start);
    if (end == std::string::npos) end = marks.size();
    const std::string_view token(marks.data() + start, end - start);
    for (auto prefix : prefixes)
      if (token.starts_with(prefix)) return true;
    start = end + 1;
  }
  return false;
}

bool has_token(const std::string& marks, std::initializer_list<std::string_view> tokens) {
  size_t start = 0;
  while (start < marks.size()) {
    const size_t end = std::min(marks.find(' ', start), marks.size());
    const std::string_view token(marks.data() + start, end - start);
    for (auto wanted : tokens)
      if (token == wanted) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace storyline::extract
