#pragma once
// Language identification (CLD2, 80+ languages) returning ISO 639-1 codes.
#include <optional>
#include <string>
#include <string_view>

namespace storyline::text {

struct LanguageHints {
  std::optional<std::string> declared;          // <html lang>, feed <language>, Content-Language
  std::optional<std::string> top_level_domain;  // "de" for example.de
};

// The language of `utf8` text as an ISO 639-1 code ("en", "zh"), or nullopt when the text is too
// short or mixed to say. The declared language is used when the text is too short to decide.
std::optional<std::string> detect_language(std::string_view utf8, const LanguageHints& hints = {});

}  // namespace storyline::text
