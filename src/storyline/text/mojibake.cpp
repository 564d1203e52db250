#include "storyline/text/mojibake.h"

#include <array>
#include <optional>
#include <vector>

#include "storyline/text/utf8.h"

namespace storyline::text {
namespace {

// Windows-1252 bytes 0x80-0x9F and the code points they decode to (0 = undefined in 1252, in
// which case Latin-1 decoders produce the C1 control of the same value).
constexpr std::array<char32_t, 32> kCp1252High = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                                  0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// The byte a code point came from when UTF-8 was misread as Windows-1252 (or Latin-1).
std::optional<unsigned char> misread_byte(char32_t cp) {
  if (cp >= 0xA0 && cp <= 0xFF) return static_cast<unsigned char>(cp);
  if (cp >= 0x80 && cp <= 0x9F) return static_cast<unsigned char>(cp);  // Latin-1 reading
  for (size_t i = 0; i < kCp1252High.size(); ++i)
    if (kCp1252High[i] == cp && cp != 0) return static_cast<unsigned char>(0x80 + i);
  return std::nullopt;
}

int sequence_length(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

bool mojibake_possible(std::string_view utf8) {
  // Every mojibake sequence starts with a lead byte read as U+00C2..U+00F4 (UTF-8 C3 82..C3 B4),
  // followed by a continuation byte read as Windows-1252 or Latin-1: U+0080..U+00BF (C2 xx), or
  // one of 1252's letters and punctuation (Š Œ Ž š œ ž Ÿ: C5 xx; ƒ: C6 92; ˆ ˜: CB xx; € ‚ „ … †
  // ‡ ‰ ‹ ‘ ’ “ ” • – — ™ ›: E2 xx xx). An "ä" before a letter is German, not mojibake, and
  // is not worth decoding the text for.
  for (size_t i = 0; i + 2 < utf8.size(); ++i) {
    if (static_cast<unsigned char>(utf8[i]) != 0xC3) continue;
    const auto second = static_cast<unsigned char>(utf8[i + 1]);
    const auto third = static_cast<unsigned char>(utf8[i + 2]);
    if (second >= 0x82 && second <= 0xB4 &&
        (third == 0xC2 || third == 0xC5 || third == 0xC6 || third == 0xCB || third == 0xE2))
      return true;
  }
  return false;
}

}  // namespace

std::string repair_mojibake(std::string_view utf8) {
  if (!mojibake_possible(utf8)) return std::string(utf8);
  // Decode once into code points with their byte offsets, then rebuild.
  std::vector<char32_t> points;
  points.reserve(utf8.size());
  for (size_t pos = 0; pos < utf8.size();) points.push_back(next_code_point(utf8, pos));

  std::string result;
  result.reserve(utf8.size());
  for (size_t i = 0; i < points.size();) {
    const auto lead = misread_byte(points[i]);
    const int length = lead ? sequence_length(*lead) : 0;
    if (length > 0 && i + length <= points.size()) {
      char32_t cp = *lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
      bool valid = true;
      for (int k = 1; k < length && valid; ++k) {
        const auto byte = misread_byte(points[i + k]);
        if (!byte || (*byte & 0xC0) != 0x80) valid = false;
        else cp = (cp << 6) | (*byte & 0x3F);
      }
      const char32_t minimum = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
      if (valid && cp >= minimum && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
        append_utf8(result, cp);
        i += length;
        continue;
      }
    }
    append_utf8(result, points[i]);
    ++i;
  }
  // Double-encoded text ("Ã¢â‚¬â„¢") needs a second pass.
  if (result.size() < utf8.size() && mojibake_possible(result)) return repair_mojibake(result);
  return result;
}

}  // namespace storyline::text
