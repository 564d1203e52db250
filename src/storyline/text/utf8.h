#pragma once
// Small UTF-8 helpers used on hot paths where going through ICU would cost more than the work.
#include <string>
#include <string_view>

namespace storyline::text {

// Decodes the code point at `pos` and advances `pos`. Invalid bytes decode as U+FFFD, one byte.
char32_t next_code_point(std::string_view utf8, size_t& pos);

void append_utf8(std::string& out, char32_t code_point);

// Number of code points.
size_t utf8_length(std::string_view utf8);

// At most `max_bytes` of `utf8`, cut before a character that would not fit whole.
std::string_view utf8_prefix(std::string_view utf8, size_t max_bytes);

}  // namespace storyline::text
