#pragma once
// Features of the lines of a page's visible text, for telling article body from page chrome
// (menus, share bars, app banners, captions, comment forms, other stories' headlines). Every
// feature is generic: length, punctuation, capitalization, position, repetition and near
// duplication, and call-to-action vocabulary (English, German, French, Spanish) — no rule names
// a publisher.
#include <string>
#include <string_view>
#include <vector>

namespace storyline::extract {

// The non-blank lines of a text, trimmed, in order.
std::vector<std::string> split_nonblank_lines(std::string_view text);

// One row per line, columns as named by line_feature_names().
using FeatureRows = std::vector<std::vector<double>>;
const std::vector<std::string>& line_feature_names();
FeatureRows line_features(const std::vector<std::string>& lines);

// Single-line facts the extractor also uses outside the model.
struct LineShape {
  int words = 0;
  int letters = 0;
  int capitalized_words = 0;          // words of 4+ characters starting with an upper-case letter
  int long_words = 0;                 // words of 4+ characters
  bool terminal_punctuation = false;  // ends a sentence (. ! ? … and CJK/Arabic forms), quotes aside
  bool bullet = false;                // starts with a list glyph
  int call_to_action = 0;             // matches of navigation/sharing/app/comment vocabulary
  int caption_vocabulary = 0;         // matches of photo-credit vocabulary
  double title_case_ratio() const { return long_words ? double(capitalized_words) / long_words : 0.0; }
};
LineShape line_shape(std::string_view line);

// The line without a leading list glyph ("• ", "▪ ", "* ", "- ").
std::string_view strip_bullet(std::string_view line);

// Groups of lines that are near duplicates of each other (word-set Jaccard >= 0.6, 5+ words, not
// identical, at most 40 lines apart): result[i] is the number of other lines line i nearly duplicates.
std::vector<int> near_duplicate_counts(const std::vector<std::string>& lines);

}  // namespace storyline::extract
