#include "storyline/core/ascii.h"

#include <charconv>

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

std::vector<std::string_view> list_elements(std::string_view list) {
  std::vector<std::string_view> elements;
  while (true) {
    const size_t comma = list.find(',');
    elements.push_back(trim(list.substr(0, comma)));
    if (comma == std::string_view::npos) return elements;
    list.remove_prefix(comma + 1);
  }
}

std::optional<uint64_t> decimal_digits(std::string_view text) {
  uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  // from_chars takes no space, and says when it overflows; a sign is refused here for any type.
  if (text.empty() || text.front() == '-' || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace storyline
