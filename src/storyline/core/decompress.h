#pragma once
// gzip/zlib decompression for inputs that arrive compressed (saved pages, .gz fixtures).
#include <cstddef>
#include <string>
#include <string_view>

namespace storyline {

bool is_gzip(std::string_view bytes);

// Inflates a gzip stream (several members allowed). Throws InputError when the stream is corrupt
// or would inflate past `max_output` bytes (a decompression bomb).
std::string gunzip(std::string_view bytes, size_t max_output = size_t{512} << 20);

}  // namespace storyline
