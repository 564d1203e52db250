#pragma once
// Byte-wise text helpers for ASCII: case, trimming and phrase search over markup, headers, URLs,
// rule phrases and other text where only ASCII letters need folding (text::fold_case is the
// Unicode case folding, for words). Bytes outside ASCII are left as they are.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

// The C locale's whitespace (std::isspace): space, tab, newline, vertical tab, form feed, return.
inline constexpr std::string_view kAsciiSpace = " \t\n\v\f\r";
// XML's whitespace (its S production): space, tab, newline, return. Unlike kAsciiSpace it keeps
// form feeds and vertical tabs, as the feed and dataset readers always have.
inline constexpr std::string_view kXmlSpace = " \t\n\r";

// "Content-Type" -> "content-type"; only A-Z change.
std::string lower_ascii(std::string_view text);

// `text` without the leading and trailing bytes in `characters`: a view, and a copy.
std::string_view trim(std::string_view text, std::string_view characters = kAsciiSpace);
std::string trimmed(std::string_view text, std::string_view characters = kAsciiSpace);

// The elements of a comma-separated list (an HTTP header's value, RFC 9110 5.3), each trimmed of
// kAsciiSpace; empty elements are kept, so that "5,,5" shows what it holds.
std::vector<std::string_view> list_elements(std::string_view list);

// A whole number written in ASCII digits only ("3600"): nullopt for anything else (a sign, a
// space, "12abc", "") and for a number past uint64_t.
std::optional<uint64_t> decimal_digits(std::string_view text);

// True when `text` holds one of `phrases` (byte for byte: lower-case both first for case-blind).
template <typename Phrases>
bool contains_any(std::string_view text, const Phrases& phrases) {
  for (std::string_view phrase : phrases)
    if (text.find(phrase) != std::string_view::npos) return true;
  return false;
}
inline bool contains_any(std::string_view text, std::initializer_list<std::string_view> phrases) {
  return contains_any<std::initializer_list<std::string_view>>(text, phrases);
}

// True when `word` is one of `words`, byte for byte (the cue-word lists of the recognizers).
inline bool word_in(std::initializer_list<std::string_view> words, std::string_view word) {
  for (std::string_view candidate : words)
    if (candidate == word) return true;
  return false;
}

}  // namespace storyline
