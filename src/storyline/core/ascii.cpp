#include "storyline/core/ascii.h"

namespace storyline {

std::string lower_ascii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

std::string_view trim(std::string_view text, std::string_view characters) {
  const size_t start = text.find_first_not_of(characters);
  if (start == std::string_view::npos) return {};
  return text.substr(start, text.find_last_not_of(characters) - start + 1);
}

std::string trimmed(std::string_view text, std::string_view characters) { return std::string(trim(text, characters)); }

}  // namespace storyline
