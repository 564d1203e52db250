#include "storyline/summarize/headline_choice.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_set>

#include "storyline/rank/article_quality.h"
#include "storyline/text/tokenize.h"

namespace storyline::summarize {
namespace {

constexpr size_t kShortestGoodTitle = 6;
constexpr size_t kLongestGoodTitle = 16;

std::string folded(std::string_view text) { return text::fold_case(text); }

bool is_clickbait(std::string_view title) {
  const std::string lowered = folded(title);
  static constexpr std::string_view kPatterns[] = {"you won't believe",
                                                   "you won’t believe",
                                                   "this is why",
                                                   "here's why",
                                                   "here’s why",
                                                   "here is why",
                                                   "what you need to know",
                                                   "things you",
                                                   "reasons why",
                                                   "will shock",
                                                   "here's what",
                                                   "here’s what",
                                                   "everything you need",
                                                   "this is what",
                                                   "the reason why",
                                                   "watch:",
                                                   "photos:",
                                                   "video:",
                                                   "quiz:",
                                                   "you need to see"};
  for (std::string_view pattern : kPatterns)
    if (lowered.find(pattern) != std::string::npos) return true;
  // Listicles: "10 things ...", "7 ways ...".
  const auto words = text::split_words(title);
  if (words.size() >= 2 && std::all_of(words[0].text.begin(), words[0].text.end(),
                                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    const std::string second = folded(words[1].text);
    if (second.size() > 3 && second.back() == 's') return true;
  }
  return false;
}

bool is_all_caps(std::string_view title) {
  size_t upper = 0, lower = 0;
  for (char c : title) {
    if (c >= 'A' && c <= 'Z') ++upper;
    if (c >= 'a' && c <= 'z') ++lower;
  }
  return upper >= 8 && lower * 5 < upper;
}

}  // namespace

std::string strip_site_suffix(std::string_view title, const Document& document) {
  static constexpr std::string_view kSeparators[] = {" | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " :: ", " \xC2\xB7 "};
  for (std::string_view separator : kSeparators) {
    const size_t at = title.rfind(separator);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string_view head = title.substr(0, at);
    const std::string_view tail = title.substr(at + separator.size());
    const std::string tail_folded = folded(tail);
    const bool names_site = (document.site_name && folded(*document.site_name) == tail_folded) ||
                            (document.domain && tail_folded.find(folded(*document.domain)) != std::string::npos);
    const size_t tail_words = text::split_words(tail).size();
    const size_t head_words = text::split_words(head).size();
    // A short tail after a long head is a site name, even one we do not know ("... | Politics").
    if (names_site || (tail_words <= 4 && head_words >= 5 && separator != " - ")) return std::string(head);
    if (separator == " - " && tail_words <= 3 && head_words >= 5) return std::string(head);
  }
  return std::string(title);
}

// "Breaking News - ", "BREAKING: ", "UPDATE: ", "LIVE | ": labels, not part of the headline.
static std::string strip_label_prefix(std::string title) {
  static constexpr std::string_view kLabels[] = {"breaking news", "breaking",  "update", "updated",
                                                 "live",          "exclusive", "watch",  "just in"};
  const std::string lowered = text::fold_case(title);
  for (std::string_view label : kLabels) {
    if (!lowered.starts_with(label) || lowered.size() <= label.size()) continue;
    size_t at = label.size();
    while (at < title.size() && (title[at] == ' ' || title[at] == ':' || title[at] == '-' || title[at] == '|')) ++at;
    if (at == label.size() || at >= title.size()) continue;  // "Breakingviews", or nothing after the label
    return title.substr(at);
  }
  return title;
}

std::string choose_headline(const std::vector<Document>& articles, StoryVocabulary& vocabulary) {
  std::unordered_set<std::string> entity_words;
  for (const Document& article : articles)
    for (const Entity& entity : article.entities)
      for (const auto& word : text::split_words(entity.text)) entity_words.emplace(word.text);

  std::string best;
  double best_score = -1;
  for (const Document& article : articles) {
    if (!article.title || article.title->empty()) continue;
    std::string title = strip_label_prefix(strip_site_suffix(*article.title, article));
    const auto words = text::split_words(title);
    if (words.empty()) continue;
    // Centrality: the mean weight of its terms against the story's heaviest term.
    const auto terms = vocabulary.terms(title);
    double weight_sum = 0;
    for (const std::string& term : terms) weight_sum += vocabulary.weight(term);
    const double centrality = terms.empty() ? 0 : weight_sum / static_cast<double>(terms.size()) / vocabulary.max_weight();
    size_t names = 0;
    for (size_t i = 0; i < words.size(); ++i)
      if (entity_words.count(std::string(words[i].text))) ++names;
    const double naming = std::min(1.0, static_cast<double>(names) / 2.0);
    const size_t count = words.size();
    const double distance = count < kShortestGoodTitle  ? static_cast<double>(kShortestGoodTitle - count)
                            : count > kLongestGoodTitle ? static_cast<double>(count - kLongestGoodTitle)
                                                        : 0.0;
    const double length = std::max(0.0, 1.0 - 0.12 * distance);
    // Centrality says the title is about this story; names and length say it is informative;
    // the article's quality breaks ties towards the better article.
    double score = 0.45 * centrality + 0.25 * naming + 0.2 * length + 0.1 * rank::article_quality(article).score / 100.0;
    if (title.find('?') != std::string::npos) score *= 0.3;
    if (is_clickbait(title)) score *= 0.4;
    if (is_all_caps(title)) score *= 0.4;
    if (score > best_score) {
      best_score = score;
      best = std::move(title);
    }
  }
  return best;
}

}  // namespace storyline::summarize
