#include "eval_extraction_metrics.h"

#include <unicode/uchar.h>

#include <map>
#include <unordered_set>

#include "storyline/extract/html_document.h"
#include "storyline/text/utf8.h"

namespace storyline::cli {
namespace {

bool is_word_character(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  const auto category = U_GET_GC_MASK(static_cast<UChar32>(c));
  return (category & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)) != 0;
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> result;
  std::string current;
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = text::next_code_point(text, pos);
    if (is_word_character(c)) {
      // Python's \w+ with IGNORECASE still compares case-sensitively; so do we.
      text::append_utf8(current, c);
    } else if (!current.empty()) {
      result.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) result.push_back(std::move(current));
  return result;
}

std::map<std::string, long> shingles(const std::vector<std::string>& tokens, size_t limit) {
  constexpr size_t kN = 4;
  const size_t count = std::min(tokens.size(), limit);
  std::map<std::string, long> result;
  // As the benchmark does: a text shorter than n words is one shingle of all its words.
  const size_t starts = count >= kN ? count - kN + 1 : (count > 0 ? 1 : 0);
  for (size_t i = 0; i < starts; ++i) {
    std::string key;
    for (size_t j = i; j < std::min(count, i + kN); ++j) {
      if (j > i) key += ' ';
      key += tokens[j];
    }
    ++result[key];
  }
  return result;
}

}  // namespace

SnippetCounts& SnippetCounts::operator+=(const SnippetCounts& other) {
  true_positives += other.true_positives;
  false_negatives += other.false_negatives;
  false_positives += other.false_positives;
  true_negatives += other.true_negatives;
  return *this;
}

// Also what does not show: a soft hyphen (U+00AD) is no character of the text and a no-break
// space (U+00A0) is a space, whichever side kept them (gold snippets keep both; our text does not).
std::string collapse_whitespace(std::string_view text) {
  std::string result;
  bool pending_space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xAD') {
      ++i;
      continue;
    }
    const bool no_break_space = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
    if (no_break_space) ++i;
    if (no_break_space || c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      pending_space = !result.empty();
      continue;
    }
    if (pending_space) result += ' ';
    pending_space = false;
    result += c;
  }
  return result;
}

SnippetCounts score_snippets(std::string_view extracted, const std::vector<std::string>& with,
                             const std::vector<std::string>& without) {
  const std::string haystack = collapse_whitespace(extracted);
  SnippetCounts counts;
  for (const auto& snippet : with) {
    if (haystack.find(collapse_whitespace(snippet)) != std::string::npos) ++counts.true_positives;
    else ++counts.false_negatives;
  }
  for (const auto& snippet : without) {
    if (haystack.find(collapse_whitespace(snippet)) != std::string::npos) ++counts.false_positives;
    else ++counts.true_negatives;
  }
  return counts;
}

ShingleScore score_shingles(std::string_view extracted, std::string_view gold, bool gold_is_prefix) {
  const std::vector<std::string> gold_words = words(gold);
  const std::vector<std::string> extracted_words = words(extracted);
  const auto gold_shingles = shingles(gold_words, gold_words.size());
  const auto extracted_shingles = shingles(extracted_words, gold_is_prefix ? gold_words.size() : extracted_words.size());
  long true_positives = 0, false_positives = 0, false_negatives = 0;
  for (const auto& [key, count] : extracted_shingles) {
    const auto found = gold_shingles.find(key);
    const long gold_count = found == gold_shingles.end() ? 0 : found->second;
    true_positives += std::min(count, gold_count);
    false_positives += std::max(0L, count - gold_count);
  }
  for (const auto& [key, count] : gold_shingles) {
    const auto found = extracted_shingles.find(key);
    false_negatives += std::max(0L, count - (found == extracted_shingles.end() ? 0 : found->second));
  }
  // The benchmark's conventions for empty sides: nothing expected and nothing given is perfect.
  ShingleScore score;
  score.precision = true_positives + false_positives ? double(true_positives) / double(true_positives + false_positives)
                                                     : (false_negatives ? 0.0 : 1.0);
  score.recall = true_positives + false_negatives ? double(true_positives) / double(true_positives + false_negatives)
                                                  : (false_positives ? 0.0 : 1.0);
  return score;
}

std::string html_to_text(std::string_view utf8_html) {
  static const std::unordered_set<std::string> kBlocks = {"p",          "div", "br", "li", "ul",      "ol",         "h1",
                                                          "h2",         "h3",  "h4", "h5", "h6",      "blockquote", "pre",
                                                          "table",      "tr",  "td", "th", "section", "article",    "figure",
                                                          "figcaption", "dd",  "dt", "dl", "header",  "footer",     "hr"};
  const extract::HtmlDocument document = extract::HtmlDocument::parse(utf8_html);
  std::string text;
  // Iterative walk: expected outputs can be deep.
  const xmlNodePtr top = reinterpret_cast<xmlNodePtr>(document.doc());
  xmlNodePtr node = top->children;
  while (node) {
    const std::string name = extract::node_name(node);
    if (node->type == XML_TEXT_NODE && node->content) text += reinterpret_cast<const char*>(node->content);
    const bool skip = name == "script" || name == "style";
    if (kBlocks.count(name)) text += '\n';
    if (node->children && !skip) {
      node = node->children;
      continue;
    }
    while (node && !node->next) {
      node = node->parent;
      if (node && node->type == XML_ELEMENT_NODE && kBlocks.count(extract::node_name(node))) text += '\n';
      if (node == top) node = nullptr;
      if (node == nullptr) break;
    }
    if (node) node = node->next;
  }
  return text;
}

double f1(double precision, double recall) {
  return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
}

}  // namespace storyline::cli
