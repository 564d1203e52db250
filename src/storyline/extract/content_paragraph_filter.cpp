#include "storyline/extract/content_paragraph_filter.h"

#include <string>

#include "storyline/text/utf8.h"

namespace storyline::extract {
namespace {

// Credits put under pictures, lower-case, each followed by the source's name.
constexpr std::string_view kCreditPrefixes[] = {
    "foto:", "fotos:", "(foto", "foto ©", "photo:", "photos:", "(photo", "photo credit", "credit:", "image:", "(image",
    "imagen:", "bild:", "bilder:", "(bild", "titelbild:", "quelle:", "(quelle", "source:", "źródło:", "fuente:",
    "crédit photo", "crédits photo", "© "};

// Lead-ins to links to other stories, lower-case.
constexpr std::string_view kReadMorePrefixes[] = {
    "read more", "read also", "see also", "related:", "you might also like", "you may also like", "more:",
    "lesen sie auch", "lesen sie hier", "lesen sie mehr", "lies auch", "auch interessant", "mehr zum thema",
    "das könnte sie auch interessieren", "das könnte dich auch interessieren", "weiterlesen", "zum thema:",
    "lea también", "lea más", "lea:", "lee también", "le puede interesar", "puedes ver", "te puede interesar",
    "ver también", "lire aussi", "à lire aussi", "a lire aussi", "voir aussi", "leggi anche", "czytaj też",
    "czytaj także", "zobacz też", "zobacz także", "dowiedz się więcej", "leia também", "veja também"};

// ASCII letters lower-cased; other bytes as they are (enough for the prefixes above).
std::string lower_prefix(std::string_view text, size_t length) {
  std::string result(text.substr(0, std::min(length, text.size())));
  for (char& c : result)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return result;
}

bool starts_with_any(const std::string& text, const auto& prefixes) {
  for (std::string_view prefix : prefixes)
    if (std::string_view(text).starts_with(prefix)) return true;
  return false;
}

}  // namespace

bool is_boilerplate_paragraph(std::string_view paragraph) {
  const size_t length = text::utf8_length(paragraph);
  if (length > 200) return false;
  const std::string head = lower_prefix(paragraph, 48);
  if (length <= 120 && starts_with_any(head, kCreditPrefixes)) return true;
  // A short line naming a picture's source: "Stau © aremac / Clipdealer".
  if (length <= 80 && paragraph.find("\xC2\xA9") != std::string_view::npos) return true;
  return starts_with_any(head, kReadMorePrefixes);
}

bool is_lead_in(std::string_view paragraph) {
  if (paragraph.empty() || text::utf8_length(paragraph) > 60) return false;
  const char last = paragraph.back();
  return last != '.' && last != '!' && last != '"';
}

}  // namespace storyline::extract
