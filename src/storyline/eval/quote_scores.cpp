#include "storyline/eval/quote_scores.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <optional>

#include "storyline/text/tokenize.h"
#include "storyline/text/utf8.h"

namespace storyline::eval {
namespace {

// Bytes between quotation marks: curly ones open and close, a straight one toggles.
std::vector<bool> quoted_bytes(std::string_view text) {
  std::vector<bool> inside(text.size(), false);
  bool open = false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\u201C") == 0) open = true;
    else if (text.compare(i, 3, "\u201D") == 0) open = false, inside[i] = true;
    else if (text[i] == '"') open = !open;
    else if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] == '\n') open = false;  // a paragraph ends a quote
    if (open) inside[i] = true;
  }
  return inside;
}

size_t overlap(const ByteSpan& a, const ByteSpan& b) {
  const size_t begin = std::max(a.begin, b.begin), end = std::min(a.end, b.end);
  return end > begin ? end - begin : 0;
}

size_t overlap(const ByteSpan& a, const std::vector<ByteSpan>& parts) {
  size_t total = 0;
  for (const ByteSpan& part : parts) total += overlap(a, part);
  return total;
}

// Where the quote's words sit in the article: its text, else its first 40 bytes.
std::optional<ByteSpan> locate(std::string_view text, std::string_view quote) {
  if (quote.empty()) return std::nullopt;
  if (size_t at = text.find(quote); at != std::string_view::npos) return ByteSpan{at, at + quote.size()};
  const std::string_view lead = text::utf8_prefix(quote, 40);
  if (size_t at = text.find(lead); at != std::string_view::npos)
    return ByteSpan{at, std::min(text.size(), at + quote.size())};
  return std::nullopt;
}

bool is_capitalized(std::string_view word) {
  size_t position = 0;
  return !word.empty() && u_isupper(static_cast<UChar32>(text::next_code_point(word, position)));
}

// Honorifics and titles are not names ("Mr. Trump", "Sen. Sanders", "President Obama").
bool is_title_word(std::string_view word) {
  static constexpr std::array<std::string_view, 24> kTitles = {"The",     "A",          "An",         "Mr",
                                                               "Mrs",     "Ms",         "Dr",         "Sen",
                                                               "Rep",     "Gov",        "Gen",        "President",
                                                               "Senator", "Governor",   "Secretary",  "Former",
                                                               "Vice",    "Democratic", "Republican", "His",
                                                               "Her",     "Their",      "U",          "S"};
  return std::find(kTitles.begin(), kTitles.end(), word) != kTitles.end();
}

std::vector<std::string> name_words(std::string_view text) {
  std::vector<std::string> names;
  for (const text::Word& word : text::split_words(text)) {
    std::string_view w = word.text;
    for (std::string_view possessive : {std::string_view("'s"), std::string_view("\u2019s")})
      if (w.ends_with(possessive)) w.remove_suffix(possessive.size());
    if (w.size() >= 2 && is_capitalized(w) && !is_title_word(w)) names.emplace_back(w);
  }
  return names;
}

std::string last_word_folded(std::string_view text) {
  const auto words = text::split_words(text);
  return words.empty() ? std::string() : text::fold_case(words.back().text);
}

}  // namespace

void QuoteCounts::add(const QuoteCounts& other) {
  found += other.found, found_matched += other.found_matched, gold += other.gold, gold_found += other.gold_found;
  speaker_judged += other.speaker_judged, speaker_right += other.speaker_right;
  gold_judged += other.gold_judged, gold_right += other.gold_right, gold_pronoun += other.gold_pronoun;
}

bool is_pronoun_source(std::string_view source) {
  static constexpr std::array<std::string_view, 14> kPronouns = {"he",  "she", "they", "i",  "we", "it",  "you",
                                                                 "him", "her", "them", "me", "us", "his", "one"};
  const auto words = text::split_words(source);
  if (words.size() != 1) return false;
  const std::string folded = text::fold_case(words[0].text);
  return std::find(kPronouns.begin(), kPronouns.end(), folded) != kPronouns.end();
}

bool same_speaker(std::string_view found, std::string_view source) {
  const auto gold_names = name_words(source);
  if (!gold_names.empty()) {
    for (const std::string& name : name_words(found))
      if (std::find(gold_names.begin(), gold_names.end(), name) != gold_names.end()) return true;
    return false;
  }
  // A source that names nobody ("a campaign aide", "officials"): the same head word.
  return !found.empty() && name_words(found).empty() && last_word_folded(found) == last_word_folded(source);
}

ArticleScores score_quotes(std::string_view text, const std::vector<Attribution>& gold,
                           const std::vector<FoundQuote>& found) {
  const std::vector<bool> quoted = quoted_bytes(text);
  std::vector<bool> gold_direct;
  for (const Attribution& attribution : gold) {
    size_t inside = 0, all = 0;
    for (const ByteSpan& part : attribution.content)
      for (size_t i = part.begin; i < part.end; ++i) inside += quoted[i], ++all;
    gold_direct.push_back(all > 0 && inside * 2 > all);
  }
  ArticleScores scores;
  // Per gold attribution, whether a found quote of its own kind (direct or reported) matched it.
  std::vector<bool> gold_found(gold.size(), false), gold_right(gold.size(), false);
  for (const FoundQuote& quote : found) {
    QuoteCounts& counts = quote.reported ? scores.reported : scores.direct;
    ++counts.found;
    const auto span = locate(text, quote.text);
    if (!span) continue;
    size_t best = 0, best_overlap = 0;
    for (size_t g = 0; g < gold.size(); ++g)
      if (const size_t shared = overlap(*span, gold[g].content); shared > best_overlap) best = g, best_overlap = shared;
    if (best_overlap * 2 < span->end - span->begin) continue;
    ++counts.found_matched;
    const bool same_kind = gold_direct[best] != quote.reported;
    if (same_kind) gold_found[best] = true;
    const std::string& source = gold[best].source_text;
    if (source.empty() || is_pronoun_source(source)) continue;
    ++counts.speaker_judged;
    if (same_speaker(quote.speaker, source)) {
      ++counts.speaker_right;
      if (same_kind) gold_right[best] = true;
    }
  }
  for (size_t g = 0; g < gold.size(); ++g) {
    QuoteCounts& counts = gold_direct[g] ? scores.direct : scores.reported;
    ++counts.gold;
    counts.gold_found += gold_found[g];
    if (gold[g].source_text.empty()) continue;
    if (is_pronoun_source(gold[g].source_text)) {
      ++counts.gold_pronoun;
      continue;
    }
    ++counts.gold_judged;
    counts.gold_right += gold_right[g];
  }
  return scores;
}

}  // namespace storyline::eval
