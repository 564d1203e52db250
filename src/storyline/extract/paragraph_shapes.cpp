#include "storyline/extract/paragraph_shapes.h"

#include <cctype>
#include <string_view>

namespace storyline::extract {
namespace {

// Paragraphs longer than this, in characters, are not a time line.
constexpr size_t kLongestTimeLine = 100;

// A picture or chart's caption numbered as in a paper ("Abbildung 4: klassische Schwachschicht.",
// "Figure 2: ..."), folded names; the number is optional, the colon is not.
constexpr std::string_view kFigureNames[] = {"abbildung", "abb.", "figure", "fig.", "grafik", "schaubild", "tabelle"};

bool is_figure_caption(std::string_view folded) {
  for (std::string_view name : kFigureNames) {
    if (!folded.starts_with(name)) continue;
    size_t at = name.size();
    while (at < folded.size() && folded[at] == ' ') ++at;
    while (at < folded.size() && (std::isdigit(static_cast<unsigned char>(folded[at])) || folded[at] == '.')) ++at;
    while (at < folded.size() && folded[at] == ' ') ++at;
    return at < folded.size() && folded[at] == ':';
  }
  return false;
}

// Words spelled with Cyrillic letters posing as Latin ones ("Yоur соntеnt", with Cyrillic о, е)
// hide an advertisement from filters; a real word mixes scripts almost never.
bool has_homoglyph_words(std::string_view text) {
  constexpr int kMixedWords = 3;
  int mixed = 0;
  bool latin = false, cyrillic = false;
  for (size_t i = 0; i <= text.size(); ++i) {
    const unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    if (c == ' ' || c == '\n' || c == ',' || c == '.' || c == '!' || c == '?') {
      if (latin && cyrillic && ++mixed >= kMixedWords) return true;
      latin = cyrillic = false;
    } else if (std::isalpha(c)) {
      latin = true;
    } else if ((c == 0xD0 || c == 0xD1) && i + 1 < text.size()) {
      cyrillic = true;
      ++i;
    }
  }
  return false;
}

// A PHP error printed into the page ("Warning: Creating default object from empty value in
// /var/www/... on line 12"), folded.
bool is_server_error(std::string_view folded) {
  static constexpr std::string_view kLevels[] = {"warning: ", "notice: ", "deprecated: ", "fatal error: ", "parse error: "};
  for (std::string_view level : kLevels)
    if (folded.starts_with(level)) return folded.find(" on line ") != std::string_view::npos;
  return false;
}

// Labels of the publication and update times a page prints above or below the article, folded
// ("Published: 11/18/2011 2:27 AM Last Modified: ..."). The same labels alone on a line are
// boilerplate_phrases.tsv's time_label rule.
constexpr std::string_view kTimeLabels[] = {
    "published",       "updated",        "last updated", "last modified",        "modified",     "posted",    "posted on",
    "first published", "veröffentlicht", "aktualisiert", "zuletzt aktualisiert", "stand:",       "publié",    "mis à jour",
    "publicado",       "actualizado",    "pubblicato",   "aggiornato",           "opublikowano", "atualizado"};
constexpr std::string_view kUpdateLabels[] = {"aktualisiert", "updated", "mis à jour", "actualizado", "aggiornato"};

// "Published: 11/18/2011 2:27 AM", "Updated 2 hours ago": a time label, then a number soon; or a
// date first and an update label after it ("23. März 2017, aktualisiert 23. März 2017, 15:43 Uhr").
bool is_time_line(std::string_view folded, std::string_view paragraph) {
  for (std::string_view label : kTimeLabels) {
    if (!folded.starts_with(label) || folded.size() <= label.size()) continue;
    const char next = folded[label.size()];
    if (next != ':' && next != ' ' && label.back() != ':') continue;
    const size_t digit = paragraph.find_first_of("0123456789");
    return digit != std::string_view::npos && digit <= label.size() + 16;
  }
  if (folded.empty() || folded[0] < '0' || folded[0] > '9') return false;
  for (std::string_view label : kUpdateLabels)
    if (folded.find(label) != std::string_view::npos) return true;
  return false;
}

}  // namespace

std::string_view boilerplate_shape(const FoldedParagraph& paragraph) {
  if (paragraph.characters > kLongestParagraphJudgedByShape) return {};
  if (is_figure_caption(paragraph.folded)) return "figure_caption";
  if (is_server_error(paragraph.folded)) return "server_error";
  if (has_homoglyph_words(paragraph.text)) return "homoglyph_words";
  if (paragraph.characters <= kLongestTimeLine && is_time_line(paragraph.folded, paragraph.text)) return "time_line";
  return {};
}

}  // namespace storyline::extract
