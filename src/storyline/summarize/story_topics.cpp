#include "storyline/summarize/story_topics.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "storyline/label/topics.h"
#include "storyline/text/tokenize.h"

namespace storyline::summarize {
namespace {

std::string lower_first(const std::string& text) { return text::fold_case(text); }

}  // namespace

std::vector<std::string> story_topics(const std::vector<Document>& articles) {
  struct Candidate {
    std::string text;
    size_t articles = 0;
    double prominence = 0;  // summed 1 / (1 + rank) of its place in each article's entity list
    size_t first_seen = 0;
    bool person = false;
  };
  std::unordered_map<std::string, Candidate> candidates;  // by folded text
  size_t order = 0;
  for (const Document& article : articles) {
    std::unordered_set<std::string> seen;
    size_t rank = 0;
    for (const Entity& entity : article.entities) {
      if (!label::is_topic_entity(entity)) continue;
      const std::string key = lower_first(entity.text);
      if (!seen.insert(key).second) continue;
      Candidate& candidate = candidates[key];
      if (candidate.articles == 0) {
        candidate.text = entity.text;
        candidate.first_seen = order++;
      }
      candidate.person |= entity.type == "person";
      ++candidate.articles;
      candidate.prominence += 1.0 / (1.0 + 0.25 * static_cast<double>(rank++));
    }
  }
  // A short form joins its full name: "Teixeira" -> "Mark Teixeira" (the recognizer joins them
  // within one article; across articles one may only have the short form).
  std::vector<std::string> keys;
  for (const auto& [key, candidate] : candidates) keys.push_back(key);
  std::sort(keys.begin(), keys.end(),
            [](const std::string& a, const std::string& b) { return a.size() != b.size() ? a.size() > b.size() : a < b; });
  for (const std::string& short_key : keys) {
    for (const std::string& long_key : keys) {
      if (long_key.size() <= short_key.size() || !candidates.count(long_key) || !candidates.count(short_key)) continue;
      // Only people are shortened so ("Turkmenistan" is not short for "Turkmenistan Helsinki Foundation").
      if (!candidates[long_key].person || short_key.find(' ') != std::string::npos) continue;
      const bool last_word = long_key.ends_with(" " + short_key);
      const bool first_word = long_key.starts_with(short_key + " ");
      if (!last_word && !first_word) continue;
      Candidate& full = candidates[long_key];
      const Candidate& part = candidates[short_key];
      full.articles = std::min(articles.size(), full.articles + part.articles);
      full.prominence += part.prominence;
      full.first_seen = std::min(full.first_seen, part.first_seen);
      candidates.erase(short_key);
      break;
    }
  }
  std::vector<Candidate> ranked;
  // In a story of several articles a subject must be named by more than one of them: a name one
  // article mentions in passing (or a title word misread as a name) is not what the story is about.
  const size_t min_articles = articles.size() >= 3 ? 2 : 1;
  for (auto& [key, candidate] : candidates)
    if (candidate.articles >= min_articles) ranked.push_back(std::move(candidate));
  std::sort(ranked.begin(), ranked.end(), [](const Candidate& a, const Candidate& b) {
    const double score_a = 2.0 * static_cast<double>(a.articles) + a.prominence;
    const double score_b = 2.0 * static_cast<double>(b.articles) + b.prominence;
    if (score_a != score_b) return score_a > score_b;
    return a.first_seen < b.first_seen;
  });
  std::vector<std::string> topics;
  for (const Candidate& candidate : ranked) {
    if (topics.size() >= label::kMaxNameTopics) break;
    topics.push_back(candidate.text);
  }
  for (std::string& theme : label::themes_of(articles)) {
    if (topics.size() >= label::kMaxTopics) break;
    if (std::find(topics.begin(), topics.end(), theme) == topics.end()) topics.push_back(std::move(theme));
  }
  return topics;
}

}  // namespace storyline::summarize
