#include "storyline/summarize/story_vocabulary.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "storyline/core/publisher.h"

namespace storyline::summarize {
namespace {

std::string story_language(const std::vector<Document>& articles) {
  for (const Document& article : articles)
    if (article.language && !article.language->empty()) return *article.language;
  return "en";
}

}  // namespace

StoryVocabulary::StoryVocabulary(const std::vector<Document>& articles) : analyzer_(story_language(articles)) {
  std::unordered_set<std::string> publishers;
  // Grouped by publisher (core/publisher.h) so that a term is counted once per publisher.
  std::vector<size_t> order(articles.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<std::string> keys;
  keys.reserve(articles.size());
  for (Publisher& publisher : publishers_of(articles)) keys.push_back(std::move(publisher.key));
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
  for (size_t index : order) {
    const Document& article = articles[index];
    const std::string& key = keys[index];
    publishers.insert(key);
    auto count_terms = [&](std::string_view text, bool title) {
      for (std::string& term : analyzer_.terms(text)) {
        TermStats& stats = stats_[std::move(term)];
        ++stats.count;
        stats.in_title |= title;
        if (stats.last_publisher != key) {
          ++stats.publishers;
          stats.last_publisher = key;
        }
      }
    };
    if (article.title) count_terms(*article.title, true);
    count_terms(body_of(article), false);
  }
  publisher_count_ = publishers.size();
  for (const auto& [term, stats] : stats_) max_weight_ = std::max(max_weight_, weight(term));
}

std::vector<std::string> StoryVocabulary::terms(std::string_view text) {
  std::vector<std::string> terms = analyzer_.terms(text);
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  return terms;
}

double StoryVocabulary::weight(const std::string& term) const {
  const auto found = stats_.find(term);
  if (found == stats_.end()) return 0;
  const TermStats& stats = found->second;
  return static_cast<double>(stats.publishers) + 0.5 * std::log2(1.0 + static_cast<double>(stats.count)) +
         (stats.in_title ? 1.0 : 0.0);
}

double term_overlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t shared = 0;
  // Both sorted (StoryVocabulary::terms): a merge.
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) ++shared, ++i, ++j;
    else if (a[i] < b[j]) ++i;
    else ++j;
  }
  return static_cast<double>(shared) / std::sqrt(static_cast<double>(a.size()) * static_cast<double>(b.size()));
}

}  // namespace storyline::summarize
