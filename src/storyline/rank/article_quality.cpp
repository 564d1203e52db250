#include "storyline/rank/article_quality.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "storyline/text/tokenize.h"

namespace storyline::rank {
namespace {

// Weights of the blend. The body matters most: a story page shows text, and a title-only record
// is what readers skip. Cleanliness comes next because chrome in the text ("Leave a Reply",
// related headlines) shows through in summaries and quotes. Metadata is useful but a missing
// author or image does not make an article worse to read.
constexpr double kBodyWeight = 0.45;
constexpr double kCleanlinessWeight = 0.30;
constexpr double kMetadataWeight = 0.25;

// Words at which the body part saturates: a full news article; longer is not better.
constexpr double kFullArticleWords = 600;
// A record that only carries a standfirst: worth something (it says what happened), never much.
constexpr double kExcerptOnlyCeiling = 0.3;
constexpr double kFullExcerptWords = 40;
constexpr double kCleanTextWords = 150;

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t' || line.front() == '\r')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    if (!line.empty()) lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

bool contains_ci(std::string_view haystack, std::string_view needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         }) != haystack.end();
}

// Phrases of sharing bars, comment forms, app banners and newsletter boxes: they only appear in
// article text when extraction kept part of the page around it.
bool starts_with_ci(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && contains_ci(text.substr(0, prefix.size()), prefix);
}

bool is_chrome_line(std::string_view line, size_t words) {
  if (words > 8) return false;
  static constexpr std::string_view kChrome[] = {
      "share",         "leave a reply",    "leave a comment",     "email address",
      "subscribe",     "sign up",          "newsletter",          "scroll to top",
      "read more",     "click here",       "download on",         "all rights reserved",
      "advertisement", "related articles", "submit a correction", "follow us",
      "cookie",        "log in",           "your email",          "tags:",
      "comments"};
  for (std::string_view phrase : kChrome)
    if (starts_with_ci(line, phrase)) return true;
  return false;
}

bool is_all_caps_line(std::string_view line) {
  int upper = 0;
  int lower = 0;
  for (char c : line) {
    if (c >= 'A' && c <= 'Z') ++upper;
    if (c >= 'a' && c <= 'z') ++lower;
  }
  return upper >= 4 && lower == 0;
}

// Bytes that UTF-8 read as Latin-1 leaves behind ("Ã©", "Â ", "â€™"), and the replacement char.
int mojibake_markers(std::string_view text) {
  int markers = 0;
  for (std::string_view marker : {std::string_view("\xC3\x83"), std::string_view("\xC3\x82"),
                                  std::string_view("\xC3\xA2\xE2\x82\xAC"), std::string_view("\xEF\xBF\xBD")}) {
    for (size_t at = text.find(marker); at != std::string_view::npos; at = text.find(marker, at + marker.size())) ++markers;
  }
  return markers;
}

bool ends_like_prose(std::string_view line) {
  if (line.empty()) return false;
  const char last = line.back();
  return last == '.' || last == '!' || last == '?' || last == '"' || last == ')' || line.ends_with("\xE2\x80\x9D") ||
         line.ends_with("\xE2\x80\xA6");
}

double cleanliness(std::string_view text) {
  const auto lines = split_lines(text);
  if (lines.empty()) return 1;
  size_t short_lines = 0;
  size_t repeated_lines = 0;
  size_t chrome_lines = 0;
  size_t caps_lines = 0;
  std::unordered_set<std::string_view> seen;
  for (std::string_view line : lines) {
    const size_t words = text::split_words(line).size();
    if (words < 4 && !ends_like_prose(line)) ++short_lines;
    if (!seen.insert(line).second) ++repeated_lines;
    if (is_chrome_line(line, words)) ++chrome_lines;
    if (is_all_caps_line(line)) ++caps_lines;
  }
  const double count = static_cast<double>(lines.size());
  // A short heading or two is normal; many short lines mean menus or tag lists.
  const double penalty = 0.8 * std::max(0.0, short_lines / count - 0.1) + 1.0 * (repeated_lines / count) +
                         0.15 * static_cast<double>(chrome_lines) + 0.1 * static_cast<double>(caps_lines) +
                         0.1 * std::min(5, mojibake_markers(text));
  return std::clamp(1.0 - penalty, 0.0, 1.0);
}

double metadata(const Document& document) {
  auto present = [](const std::optional<std::string>& value) { return value && !value->empty(); };
  // The date and title matter most (a story needs both to be placed and shown); the rest helps.
  double part = 0;
  if (present(document.title)) part += 0.2;
  if (present(document.published)) part += 0.2;
  if (present(document.domain) || present(document.site_name)) part += 0.15;
  if (present(document.url)) part += 0.15;
  if (present(document.author)) part += 0.1;
  if (!document.images.empty()) part += 0.1;
  if (present(document.excerpt)) part += 0.1;
  return std::min(1.0, part);
}

}  // namespace

ArticleQuality article_quality(const Document& document) {
  ArticleQuality quality;
  const bool has_text = document.text && !document.text->empty();
  // Records whose "text" is their excerpt copied over (feeds, related-story lists) are excerpt-only.
  const bool excerpt_only = !has_text || (document.excerpt && *document.text == *document.excerpt);
  std::string_view body;
  if (has_text) body = *document.text;
  else if (document.excerpt) body = *document.excerpt;
  const double words = static_cast<double>(text::split_words(body).size());
  if (excerpt_only) quality.parts.body = kExcerptOnlyCeiling * std::min(1.0, words / kFullExcerptWords);
  else quality.parts.body = std::min(1.0, std::sqrt(words / kFullArticleWords));
  quality.parts.metadata = metadata(document);
  quality.parts.cleanliness = body.empty() ? 1.0 : cleanliness(body);
  // Clean but nearly empty is no virtue: cleanliness counts in proportion to how much text there
  // is to be clean (full weight from kCleanTextWords on), so an excerpt-only record stays low.
  const double text_presence = std::min(1.0, words / kCleanTextWords);
  const double blend = kBodyWeight * quality.parts.body + kMetadataWeight * quality.parts.metadata +
                       kCleanlinessWeight * quality.parts.cleanliness * text_presence;
  quality.score = static_cast<int>(std::lround(100 * std::clamp(blend, 0.0, 1.0)));
  return quality;
}

}  // namespace storyline::rank
