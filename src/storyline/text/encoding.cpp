#include "storyline/text/encoding.h"

#include <uchardet/uchardet.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

#include "storyline/core/ascii.h"

namespace storyline::text {
namespace {

// Reads a charset name starting at `pos`, skipping quotes and spaces.
std::string read_charset_name(std::string_view text, size_t pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '"' || text[pos] == '\'' || text[pos] == '=')) ++pos;
  size_t end = pos;
  while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '-' || text[end] == '_' ||
                               text[end] == '.' || text[end] == ':'))
    ++end;
  return lower_ascii(text.substr(pos, end - pos));
}

bool is_single_byte_charset(const std::string& charset) {
  return charset.starts_with("iso-8859") || charset.starts_with("windows-125") || charset == "latin1" ||
         charset == "latin-1" || charset == "us-ascii" || charset == "ascii" || charset.starts_with("cp125") ||
         charset == "koi8-r";
}

size_t non_ascii_bytes(std::string_view bytes) {
  return static_cast<size_t>(
      std::count_if(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
}

bool icu_knows(const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(charset.c_str(), &status);
  if (converter) ucnv_close(converter);
  return U_SUCCESS(status);
}

}  // namespace

std::optional<std::string> declared_charset(std::string_view bytes) {
  const std::string head = lower_ascii(bytes.substr(0, std::min<size_t>(bytes.size(), 8192)));
  if (head.starts_with("<?xml")) {
    const size_t end = head.find("?>");
    const size_t encoding = head.find("encoding");
    if (encoding != std::string::npos && (end == std::string::npos || encoding < end)) {
      std::string name = read_charset_name(head, encoding + 8);
      if (!name.empty()) return name;
    }
  }
  // <meta charset="..."> and <meta http-equiv="Content-Type" content="text/html; charset=...">
  for (size_t pos = head.find("<meta"); pos != std::string::npos; pos = head.find("<meta", pos + 5)) {
    const size_t close = head.find('>', pos);
    const std::string_view tag = std::string_view(head).substr(pos, close == std::string::npos ? 512 : close - pos);
    const size_t charset = tag.find("charset");
    if (charset == std::string::npos) continue;
    std::string name = read_charset_name(tag, charset + 7);
    if (!name.empty()) return name;
  }
  return std::nullopt;
}

bool is_valid_utf8(std::string_view bytes) {
  size_t i = 0;
  const size_t n = bytes.size();
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int extra;
    uint32_t min;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      extra = 1, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, min = 0x10000, cp = c & 0x07;
    } else {
      return false;
    }
    for (int k = 1; k <= extra; ++k) {
      if (i + k >= n) return false;
      const unsigned char cc = static_cast<unsigned char>(bytes[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += extra + 1;
  }
  return true;
}

std::string make_valid_utf8(std::string_view bytes) {
  if (is_valid_utf8(bytes)) return std::string(bytes);
  std::string result;
  result.reserve(bytes.size() + 16);
  size_t i = 0;
  const size_t n = bytes.size();
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    size_t length = 0;
    if (c < 0x80) length = 1;
    else if ((c & 0xE0) == 0xC0) length = 2;
    else if ((c & 0xF0) == 0xE0) length = 3;
    else if ((c & 0xF8) == 0xF0) length = 4;
    if (length > 0 && i + length <= n && is_valid_utf8(bytes.substr(i, length))) {
      result.append(bytes.substr(i, length));
      i += length;
    } else {
      result += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return result;
}

std::string detect_charset(std::string_view bytes, std::optional<std::string_view> declared) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return "utf-8";
  if (bytes.starts_with("\xFF\xFE")) return "utf-16le";
  if (bytes.starts_with("\xFE\xFF")) return "utf-16be";
  const bool valid_utf8 = is_valid_utf8(bytes);
  if (declared && !declared->empty()) {
    std::string name = lower_ascii(*declared);
    if (name == "utf8") name = "utf-8";
    // Valid multi-byte UTF-8 that claims a single-byte charset is almost always UTF-8. So is one
    // that claims a double-byte charset (GB2312, Shift_JIS, EUC-KR, Big5: a page saved again as
    // UTF-8 keeps its old <meta>): their byte pairs are not valid UTF-8 but by rare chance, so a
    // few dozen non-ASCII bytes that all are settle it.
    if (valid_utf8 && name != "utf-8" && !name.starts_with("utf-16") &&
        non_ascii_bytes(bytes) >= (is_single_byte_charset(name) ? 1u : 32u))
      return "utf-8";
    // Browsers read latin-1 as windows-1252 (WHATWG Encoding): its 0x80-0x9F are quotes and dashes.
    if (name == "iso-8859-1" || name == "latin1" || name == "latin-1" || name == "us-ascii" || name == "ascii")
      return "windows-1252";
    if (name == "utf-8" && !valid_utf8) {
      // A declared UTF-8 page with a few bad bytes stays UTF-8 (they become U+FFFD); a page with
      // no valid multi-byte sequence at all was really written in something else.
    } else if (icu_knows(name)) {
      return name;
    }
  }
  if (valid_utf8) return "utf-8";
  std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> detector(uchardet_new(), uchardet_delete);
  const size_t sample = std::min<size_t>(bytes.size(), 1 << 20);
  uchardet_handle_data(detector.get(), bytes.data(), sample);
  uchardet_data_end(detector.get());
  std::string guess = lower_ascii(uchardet_get_charset(detector.get()));
  if (guess.empty() || guess == "ascii" || guess == "iso-8859-1") guess = "windows-1252";
  if (!icu_knows(guess)) guess = "windows-1252";
  return guess;
}

std::string to_utf8(std::string_view bytes, std::optional<std::string_view> declared) {
  const std::string charset = detect_charset(bytes, declared);
  if (charset == "utf-8") {
    std::string_view body = bytes;
    if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
    return make_valid_utf8(body);
  }
  std::string_view body = bytes;
  if ((charset == "utf-16le" && body.starts_with("\xFF\xFE")) || (charset == "utf-16be" && body.starts_with("\xFE\xFF")))
    body.remove_prefix(2);
  UErrorCode status = U_ZERO_ERROR;
  // Worst case: every input byte becomes a 3-byte UTF-8 sequence (or U+FFFD); 4 for surrogates.
  std::vector<char> output(body.size() * 4 + 4);
  const int32_t written = ucnv_convert("UTF-8", charset.c_str(), output.data(), static_cast<int32_t>(output.size()),
                                       body.data(), static_cast<int32_t>(body.size()), &status);
  if (U_FAILURE(status)) return make_valid_utf8(body);
  return make_valid_utf8(std::string_view(output.data(), static_cast<size_t>(written)));
}

}  // namespace storyline::text
