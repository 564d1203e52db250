#include "storyline/text/normalize.h"

#include <algorithm>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "storyline/text/html_entities.h"
#include "storyline/text/mojibake.h"
#include "storyline/text/utf8.h"

namespace storyline::text {

namespace {
bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}
}  // namespace

std::string to_nfc(std::string_view utf8) {
  if (is_ascii(utf8)) return std::string(utf8);  // ASCII is NFC
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  // Most text is NFC already: checked on the UTF-8 itself, without a UTF-16 copy.
  if (normalizer->isNormalizedUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), status) &&
      U_SUCCESS(status))
    return std::string(utf8);
  status = U_ZERO_ERROR;
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (normalizer->isNormalized(source, status) && U_SUCCESS(status)) return std::string(utf8);
  status = U_ZERO_ERROR;
  const icu::UnicodeString normalized = normalizer->normalize(source, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string result;
  normalized.toUTF8String(result);
  return result;
}

std::string strip_invisible(std::string_view utf8) {
  std::string result;
  result.reserve(utf8.size());
  size_t pos = 0;
  while (pos < utf8.size()) {
    // Printable ASCII is copied as it is, a run at a time.
    const size_t run_start = pos;
    while (pos < utf8.size()) {
      const auto byte = static_cast<unsigned char>(utf8[pos]);
      if (byte < 0x20 || byte >= 0x7F) break;
      ++pos;
    }
    if (pos > run_start) result.append(utf8.substr(run_start, pos - run_start));
    if (pos >= utf8.size()) break;
    const size_t start = pos;
    const char32_t cp = next_code_point(utf8, pos);
    if (cp == '\r') {
      result += '\n';
      if (pos < utf8.size() && utf8[pos] == '\n') ++pos;
      continue;
    }
    if (cp == '\n' || cp == '\t') {
      result += static_cast<char>(cp);
      continue;
    }
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) continue;      // C0/C1 controls
    if (cp == 0xAD || cp == 0xFEFF || cp == 0xFFFD) continue;  // soft hyphen, BOM, replacement
    if ((cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x202A && cp <= 0x202E))
      continue;  // zero-width and bidi controls
    if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000) {
      result += ' ';
      continue;
    }
    if (cp == 0x2028 || cp == 0x2029) {
      result += '\n';
      continue;
    }
    result.append(utf8.substr(start, pos - start));
  }
  return result;
}

std::string collapse_spaces(std::string_view utf8) {
  std::string result;
  result.reserve(utf8.size());
  bool pending_space = false;
  bool line_start = true;
  for (char c : utf8) {
    if (c == ' ' || c == '\t') {
      if (!line_start) pending_space = true;
      continue;
    }
    if (c == '\n') {
      pending_space = false;
      line_start = true;
      result += '\n';
      continue;
    }
    if (pending_space) result += ' ';
    pending_space = false;
    line_start = false;
    result += c;
  }
  return result;
}

std::string clean_inline(std::string_view utf8) {
  std::string text = strip_invisible(repair_mojibake(utf8));
  for (char& c : text)
    if (c == '\n') c = ' ';
  text = collapse_spaces(text);
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return to_nfc(text);
}

std::string clean_inline_html(std::string_view utf8_html_text) { return clean_inline(decode_html_entities(utf8_html_text)); }

std::string clean_body(std::string_view utf8) {
  const std::string text = collapse_spaces(strip_invisible(repair_mojibake(utf8)));
  std::string result;
  result.reserve(text.size());
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line = std::string_view(text).substr(pos, end - pos);
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    if (!line.empty()) {
      if (!result.empty()) result += "\n\n";
      result.append(line);
    }
    pos = end + 1;
  }
  return to_nfc(result);
}

}  // namespace storyline::text
