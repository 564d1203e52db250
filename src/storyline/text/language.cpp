#include "storyline/text/language.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <algorithm>
#include <cctype>

namespace storyline::text {
namespace {

// "en-US" / "en_gb" / "EN" -> "en"; nullopt when it is not a two- or three-letter code.
std::optional<std::string> primary_subtag(std::string_view tag) {
  std::string code;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    if (!std::isalpha(static_cast<unsigned char>(c))) return std::nullopt;
    code += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (code.size() < 2 || code.size() > 3) return std::nullopt;
  return code;
}

// CLD2 reports Chinese as "zh" / "zh-Hant", Norwegian as "no", and a few as 3-letter codes.
std::string to_iso639_1(const char* code) {
  std::string value(code);
  if (value.starts_with("zh")) return "zh";
  if (value == "iw") return "he";
  if (value == "in") return "id";
  if (value == "jw") return "jv";
  return value.substr(0, value.find('-'));
}

}  // namespace

std::optional<std::string> detect_language(std::string_view utf8, const LanguageHints& hints) {
  const std::optional<std::string> declared = hints.declared ? primary_subtag(*hints.declared) : std::nullopt;
  // CLD2 needs some text; it also accepts hints that tip close calls.
  const size_t sample_size = std::min<size_t>(utf8.size(), 64 * 1024);
  std::string sample(utf8.substr(0, sample_size));
  while (!sample.empty() && (static_cast<unsigned char>(sample.back()) & 0xC0) == 0x80) sample.pop_back();
  if (!sample.empty() && static_cast<unsigned char>(sample.back()) >= 0xC0) sample.pop_back();

  CLD2::CLDHints cld_hints = {nullptr, hints.top_level_domain ? hints.top_level_domain->c_str() : nullptr,
                              CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  std::string declared_hint = declared.value_or("");
  if (!declared_hint.empty()) cld_hints.content_language_hint = declared_hint.c_str();
  CLD2::Language languages[3];
  int percents[3];
  double scores[3];
  bool is_reliable = false;
  int text_bytes = 0;
  const CLD2::Language language = CLD2::ExtDetectLanguageSummary(sample.data(), static_cast<int>(sample.size()), true,
                                                                 &cld_hints, 0, languages, percents, scores, nullptr,
                                                                 &text_bytes, &is_reliable);
  if (language != CLD2::UNKNOWN_LANGUAGE && language != CLD2::TG_UNKNOWN_LANGUAGE &&
      (is_reliable || text_bytes >= 200 || !declared)) {
    if (is_reliable || text_bytes >= 40) return to_iso639_1(CLD2::LanguageCode(language));
  }
  return declared;
}

}  // namespace storyline::text
