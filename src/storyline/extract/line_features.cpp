#include "storyline/extract/line_features.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "storyline/text/utf8.h"

namespace storyline::extract {
namespace {

// Words that mark chrome rather than prose: sharing, navigation, app and newsletter prompts,
// comment forms, legal footers. Short multilingual list; matched as whole words.
const std::vector<std::string>& call_to_action_phrases() {
  static const std::vector<std::string> kPhrases = {
      // English
      "share", "shares", "tweet", "facebook", "twitter", "linkedin", "pinterest", "whatsapp", "reddit", "email", "e mail",
      "print", "subscribe", "subscription", "subscribers", "newsletter", "sign up", "sign in", "log in", "login", "register",
      "download", "app store", "google play", "get the app", "cookie", "cookies", "privacy", "terms of", "advertisement",
      "advertise", "sponsored", "read more", "related", "recommended", "more from", "most popular", "most read", "trending",
      "comment", "comments", "reply", "leave a", "your email", "required", "submit", "correction", "scroll to",
      "back to top", "click", "menu", "search", "home", "skip to", "follow us", "contact us", "about us",
      "all rights reserved", "loading", "previous", "next", "tags", "topics", "posted in", "filed under", "load more",
      "watch", "listen", "podcast", "continue reading", "see all", "view all", "sections", "account", "donate", "support us",
      "terms", "feedback", "permalink", "rss",
      // German
      "teilen", "drucken", "anmelden", "abonnieren", "abo", "kommentar", "kommentare", "antworten", "datenschutz",
      "impressum", "werbung", "anzeige", "mehr zum thema", "weiterlesen", "lesen sie auch", "startseite", "suche", "kontakt",
      "nach oben", "zur startseite", "mehr", "artikel teilen", "schlagworte",
      // French, Spanish
      "partager", "commentaires", "publicite", "abonnez", "lire aussi", "accueil", "compartir", "comentarios", "suscribete",
      "publicidad", "inicio", "leer mas"};
  return kPhrases;
}

const std::vector<std::string>& caption_phrases() {
  static const std::vector<std::string> kPhrases = {
      "photo", "photos",   "photograph",       "image", "images",     "picture",      "credit", "getty", "shutterstock",
      "afp",   "ap photo", "reuters",          "epa",   "file photo", "illustration", "foto",   "fotos", "bild",
      "dpa",   "imago",    "picture alliance", "video", "gallery"};
  return kPhrases;
}

const std::vector<std::string>& month_names() {
  static const std::vector<std::string> kMonths = {"january", "february", "march",     "april",   "may",      "june",
                                                   "july",    "august",   "september", "october", "november", "december",
                                                   "jan",     "feb",      "mar",       "apr",     "jun",      "jul",
                                                   "aug",     "sep",      "sept",      "oct",     "nov",      "dec",
                                                   "januar",  "februar",  "maerz",     "juni",    "juli",     "oktober",
                                                   "dezember"};
  return kMonths;
}

// " words like this " : ASCII lower-cased, ASCII punctuation as spaces, padded, so that phrases
// match on word boundaries with a plain find.
std::string padded_words(std::string_view line) {
  std::string out = " ";
  for (unsigned char c : line) {
    if (c >= 0x80) {
      out += static_cast<char>(c);
    } else if (std::isalnum(c)) {
      out += static_cast<char>(std::tolower(c));
    } else if (out.back() != ' ') {
      out += ' ';
    }
  }
  if (out.back() != ' ') out += ' ';
  return out;
}

using PhraseSet = std::unordered_set<std::string_view>;

PhraseSet phrase_set(const std::vector<std::string>& phrases) { return PhraseSet(phrases.begin(), phrases.end()); }

// Distinct phrases of `phrases` (of one to three words) found in the padded line: every word
// n-gram of the line is looked up once, so the cost grows with the line, not the vocabulary.
int count_phrases(const std::string& padded, const PhraseSet& phrases) {
  std::vector<size_t> starts;  // offsets of each word in `padded` (after its leading space)
  for (size_t pos = 0; pos + 1 < padded.size(); ++pos)
    if (padded[pos] == ' ') starts.push_back(pos + 1);
  std::unordered_set<std::string_view> found;
  const std::string_view text(padded);
  for (size_t w = 0; w < starts.size(); ++w) {
    for (size_t length = 1; length <= 3 && w + length <= starts.size(); ++length) {
      const size_t end = w + length < starts.size() ? starts[w + length] - 1 : padded.size() - 1;
      if (end <= starts[w]) break;
      const std::string_view gram = text.substr(starts[w], end - starts[w]);
      if (phrases.count(gram)) found.insert(gram);
    }
  }
  return static_cast<int>(found.size());
}

bool is_closing_mark(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == U'\u201D' || c == U'\u2019' || c == U'\u00BB' ||
         c == U'\u00AB' || c == '*';
}

bool is_terminal_mark(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == U'\u2026' || c == U'\u3002' || c == U'\uFF01' || c == U'\uFF1F' ||
         c == U'\u061F' || c == U'\u06D4' || c == U'\u0964';
}

std::vector<char32_t> code_points(std::string_view line) {
  std::vector<char32_t> out;
  out.reserve(line.size());
  size_t pos = 0;
  while (pos < line.size()) out.push_back(text::next_code_point(line, pos));
  return out;
}

bool is_bullet_glyph(char32_t c) {
  return c == U'\u2022' || c == U'\u25AA' || c == U'\u25CF' || c == U'\u25E6' || c == U'\u2023' || c == U'\u2043' ||
         c == U'\u00B7';
}

double log_words(int words) { return std::log1p(static_cast<double>(words)); }

}  // namespace

std::vector<std::string> split_nonblank_lines(std::string_view text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    const size_t first = line.find_first_not_of(" \t\r\f\v");
    if (first != std::string_view::npos) {
      const size_t last = line.find_last_not_of(" \t\r\f\v");
      lines.emplace_back(line.substr(first, last - first + 1));
    }
    if (end == text.size()) break;
  }
  return lines;
}

std::string_view strip_bullet(std::string_view line) {
  size_t pos = 0;
  const char32_t first = text::next_code_point(line, pos);
  if (is_bullet_glyph(first) || ((first == '*' || first == '-') && pos < line.size() && line[pos] == ' ')) {
    line.remove_prefix(pos);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  }
  return line;
}

LineShape line_shape(std::string_view line) {
  LineShape shape;
  const std::vector<char32_t> chars = code_points(line);
  if (!chars.empty()) {
    shape.bullet = is_bullet_glyph(chars.front()) ||
                   ((chars.front() == '*' || chars.front() == '-') && chars.size() > 1 && chars[1] == ' ');
  }
  size_t word_start = 0;
  bool in_word = false;
  auto finish_word = [&](size_t end) {
    const size_t length = end - word_start;
    ++shape.words;
    if (length >= 4) {
      ++shape.long_words;
      // The first letter of the word decides (skipping opening quotes and brackets).
      for (size_t k = word_start; k < end; ++k) {
        if (u_isalpha(static_cast<UChar32>(chars[k]))) {
          if (u_isupper(static_cast<UChar32>(chars[k])) || u_istitle(static_cast<UChar32>(chars[k])))
            ++shape.capitalized_words;
          break;
        }
      }
    }
  };
  for (size_t k = 0; k < chars.size(); ++k) {
    const bool space = u_isspace(static_cast<UChar32>(chars[k]));
    if (u_isalpha(static_cast<UChar32>(chars[k]))) ++shape.letters;
    if (!space && !in_word) {
      word_start = k;
      in_word = true;
    } else if (space && in_word) {
      finish_word(k);
      in_word = false;
    }
  }
  if (in_word) finish_word(chars.size());
  // Scripts without spaces between words (Chinese, Japanese): count about two characters a word.
  if (shape.words > 0 && shape.letters > 40 * shape.words) shape.words = shape.letters / 2;
  size_t end = chars.size();
  while (end > 0 && is_closing_mark(chars[end - 1])) --end;
  shape.terminal_punctuation = end > 0 && is_terminal_mark(chars[end - 1]);
  static const PhraseSet kCallToAction = phrase_set(call_to_action_phrases());
  static const PhraseSet kCaption = phrase_set(caption_phrases());
  const std::string padded = padded_words(line);
  shape.call_to_action = count_phrases(padded, kCallToAction);
  shape.caption_vocabulary = count_phrases(padded, kCaption);
  return shape;
}

std::vector<int> near_duplicate_counts(const std::vector<std::string>& lines) {
  std::vector<int> counts(lines.size(), 0);
  // Pages past this size are menus and link farms; their tail is not compared.
  constexpr size_t kMaxLinesCompared = 20000;
  std::vector<std::vector<size_t>> word_sets(lines.size());
  std::hash<std::string_view> hasher;
  for (size_t i = 0; i < lines.size() && i < kMaxLinesCompared; ++i) {
    const std::string padded = padded_words(lines[i]);
    std::string_view rest(padded);
    std::vector<size_t> words;
    size_t pos = 1;
    while (pos < rest.size()) {
      const size_t end = rest.find(' ', pos);
      if (end == std::string_view::npos || end == pos) break;
      words.push_back(hasher(rest.substr(pos, end - pos)));
      pos = end + 1;
    }
    if (words.size() < 5) continue;
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    word_sets[i] = std::move(words);
  }
  // Repeated captions sit close together (the caption, then its lightbox or gallery copies), so
  // each line is compared with the next kWindow lines only: linear time on long pages.
  constexpr size_t kWindow = 40;
  for (size_t i = 0; i < word_sets.size(); ++i) {
    if (word_sets[i].empty()) continue;
    for (size_t j = i + 1; j < word_sets.size() && j <= i + kWindow; ++j) {
      // Exact repeats are another matter (a paragraph printed twice): the caller keeps the first.
      if (word_sets[j].empty() || lines[i] == lines[j]) continue;
      const double a = static_cast<double>(word_sets[i].size());
      const double b = static_cast<double>(word_sets[j].size());
      if (std::min(a, b) < 0.6 * std::max(a, b)) continue;
      std::vector<size_t> common;
      std::set_intersection(word_sets[i].begin(), word_sets[i].end(), word_sets[j].begin(), word_sets[j].end(),
                            std::back_inserter(common));
      const double jaccard = common.size() / (a + b - static_cast<double>(common.size()));
      if (jaccard >= 0.6) {
        ++counts[i];
        ++counts[j];
      }
    }
  }
  return counts;
}

const std::vector<std::string>& line_feature_names() {
  static const std::vector<std::string> kNames = {"log_words",      "short_line",       "very_long",      "terminal_punct",
                                                  "ends_colon",     "no_punct_6plus",   "title_case",     "title_like",
                                                  "alpha_ratio",    "digit_ratio",      "punct_ratio",    "no_letters",
                                                  "bullet",         "call_to_action",   "cta_short",      "caption_vocab",
                                                  "link_text",      "copyright",        "separators",     "position",
                                                  "first_tenth",    "last_tenth",       "near_duplicate", "exact_repeat",
                                                  "sentences",      "avg_word_len",     "month_name",     "relative_words",
                                                  "prev_log_words", "next_log_words",   "prev_terminal",  "next_terminal",
                                                  "window_prose",   "sandwiched_title", "quote_start"};
  return kNames;
}

FeatureRows line_features(const std::vector<std::string>& lines) {
  const size_t n = lines.size();
  std::vector<LineShape> shapes;
  shapes.reserve(n);
  for (const auto& line : lines) shapes.push_back(line_shape(line));
  const std::vector<int> near_duplicates = near_duplicate_counts(lines);
  std::unordered_map<std::string_view, int> occurrences;
  for (const auto& line : lines) ++occurrences[line];
  int max_words = 1;
  for (const auto& shape : shapes) max_words = std::max(max_words, shape.words);
  auto is_prose = [&](size_t k) { return shapes[k].words >= 10 && shapes[k].terminal_punctuation; };

  static const PhraseSet kMonths = phrase_set(month_names());
  FeatureRows rows;
  rows.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const std::string& line = lines[i];
    const LineShape& shape = shapes[i];
    int digits = 0, punctuation = 0, separators = 0, non_space = 0, sentence_ends = 0;
    const std::vector<char32_t> chars = code_points(line);
    for (size_t k = 0; k < chars.size(); ++k) {
      const auto c = static_cast<UChar32>(chars[k]);
      if (u_isspace(c)) continue;
      ++non_space;
      if (u_isdigit(c)) ++digits;
      else if (!u_isalpha(c)) ++punctuation;
      if (c == '|' || c == U'\u00BB' || c == U'\u203A' || c == U'\u00B7' || c == U'\u2192' || c == '/') ++separators;
      if (is_terminal_mark(chars[k]) && (k + 1 == chars.size() || u_isspace(static_cast<UChar32>(chars[k + 1]))))
        ++sentence_ends;
    }
    const double chars_total = std::max(1, non_space);
    const std::string padded = padded_words(line);
    const bool link_text = line.find("http") != std::string::npos || line.find("www.") != std::string::npos ||
                           line.find('@') != std::string::npos ||
                           (shape.words <= 2 && line.find('.') != std::string::npos &&
                            line.find(". ") == std::string::npos && !shape.terminal_punctuation);
    const bool copyright = line.find("\u00A9") != std::string::npos || padded.find(" copyright ") != std::string::npos ||
                           padded.find(" all rights reserved ") != std::string::npos;
    const double title_case = shape.title_case_ratio();
    const bool title_like = title_case >= 0.7 && shape.words >= 5 && !shape.terminal_punctuation;
    int window_lines = 0, window_prose = 0;
    for (size_t k = i >= 3 ? i - 3 : 0; k < std::min(n, i + 4); ++k) {
      if (k == i) continue;
      ++window_lines;
      if (is_prose(k)) ++window_prose;
    }
    const bool prev_prose = i > 0 && is_prose(i - 1);
    const bool next_prose = i + 1 < n && is_prose(i + 1);
    size_t first_char = 0;
    const char32_t first = line.empty() ? 0 : text::next_code_point(line, first_char);
    const double position = n > 1 ? static_cast<double>(i) / static_cast<double>(n - 1) : 0.0;

    std::vector<double> row = {
        log_words(shape.words),
        shape.words <= 3 ? 1.0 : 0.0,
        shape.words >= 25 ? 1.0 : 0.0,
        shape.terminal_punctuation ? 1.0 : 0.0,
        !line.empty() && line.back() == ':' ? 1.0 : 0.0,
        !shape.terminal_punctuation && shape.words >= 6 ? 1.0 : 0.0,
        title_case,
        title_like ? 1.0 : 0.0,
        shape.letters / chars_total,
        digits / chars_total,
        punctuation / chars_total,
        shape.letters == 0 ? 1.0 : 0.0,
        shape.bullet ? 1.0 : 0.0,
        std::min(3, shape.call_to_action) / 3.0,
        shape.call_to_action > 0 && shape.words <= 8 ? 1.0 : 0.0,
        std::min(2, shape.caption_vocabulary) / 2.0,
        link_text ? 1.0 : 0.0,
        copyright ? 1.0 : 0.0,
        std::min(5, separators) / 5.0,
        position,
        position < 0.1 ? 1.0 : 0.0,
        position > 0.9 ? 1.0 : 0.0,
        near_duplicates[i] > 0 ? 1.0 : 0.0,
        occurrences[line] > 1 ? 1.0 : 0.0,
        std::log1p(sentence_ends),
        std::min(15.0, static_cast<double>(chars.size()) / std::max(1, shape.words)) / 15.0,
        count_phrases(padded, kMonths) > 0 ? 1.0 : 0.0,
        static_cast<double>(shape.words) / max_words,
        i > 0 ? log_words(shapes[i - 1].words) : 0.0,
        i + 1 < n ? log_words(shapes[i + 1].words) : 0.0,
        i > 0 && shapes[i - 1].terminal_punctuation ? 1.0 : 0.0,
        i + 1 < n && shapes[i + 1].terminal_punctuation ? 1.0 : 0.0,
        window_lines ? static_cast<double>(window_prose) / window_lines : 0.0,
        title_like && prev_prose && next_prose ? 1.0 : 0.0,
        first == U'\u201C' || first == '"' || first == U'\u201E' || first == U'\u00AB' ? 1.0 : 0.0,
    };
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace storyline::extract
