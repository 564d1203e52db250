#include "storyline/summarize/story_topics.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "storyline/summarize/story_vocabulary.h"
#include "storyline/text/tokenize.h"

namespace storyline::summarize {
namespace {

constexpr size_t kMaxEntityTopics = 6;
constexpr size_t kMaxThemes = 2;
// A theme needs this many cue words in the story, and this many per word of text: a single
// "talks" in a sports report does not make it diplomacy.
constexpr size_t kMinThemeHits = 3;
constexpr double kMinThemeDensity = 0.012;

// The theme lexicon: broad news subjects and the words that signal them (a trailing '*' matches a
// prefix). Hand-made because no offline resource maps words to news themes (WordNet's topic
// domains are too sparse: "diplomacy" has one member), kept to unambiguous cue words, and
// generic: it names no event, person or place.
struct Theme {
  std::string_view name;
  std::vector<std::string_view> cues;
};

const Theme kThemes[] = {
    {"Diplomacy",
     {"diplomat*", "embass*", "ambassador*", "envoy*", "talks", "negotiat*", "recognition", "recognise*", "recognize*",
      "mediat*", "summit*", "bilateral", "treaty", "treaties", "consulate*", "relations", "delegation*"}},
    {"Armed conflict",
     {"war", "wars", "troops", "military", "militant*", "airstrike*", "soldier*", "army", "armies", "insurgen*", "ceasefire",
      "invasion", "combat", "shelling", "missile*"}},
    {"Terrorism", {"terror*", "extremis*", "jihad*", "suicide", "bombing*"}},
    {"Elections", {"election*", "voter*", "ballot*", "vote", "votes", "polling", "candidate*", "electoral"}},
    {"Economy",
     {"econom*", "inflation", "market*", "stock*", "tariff*", "gdp", "recession", "investor*", "budget*", "prices",
      "unemployment", "interest"}},
    {"Humanitarian aid", {"humanitarian", "refugee*", "evacuat*", "famine", "displaced", "relief"}},
    {"Migration", {"migrant*", "immigra*", "asylum", "deport*"}},
    {"Crime and justice",
     {"court*", "trial", "judge*", "arrest*", "police", "prosecut*", "charged", "convicted", "lawsuit*", "crime*"}},
    {"Public health", {"health", "virus", "vaccin*", "pandemic", "hospital*", "disease*", "covid*", "outbreak*"}},
    {"Climate and environment",
     {"climate", "emission*", "wildfire*", "flood*", "drought*", "pollution", "environment*", "warming"}},
    {"Technology",
     {"software", "smartphone*", "internet", "cyber*", "algorithm*", "semiconductor*", "startup*", "app", "apps",
      "computing", "robot*"}},
    {"Sports",
     {"league", "tournament*", "championship*", "goals", "coach", "season", "match", "matches", "striker", "playoff*"}},
    {"Entertainment", {"film*", "movie*", "album*", "actor*", "actress*", "concert*", "singer*", "box-office", "series"}},
    {"Science", {"scientist*", "research*", "nasa", "astronom*", "species", "physic*", "telescope*", "study"}},
    {"Energy", {"oil", "gas", "energy", "pipeline*", "opec", "renewable*", "electricity"}},
    {"Human rights", {"rights", "freedom*", "repression", "activist*", "dissident*", "censorship"}},
};

constexpr size_t kMostWordsPerArticle = 5000;

bool matches(std::string_view cue, std::string_view word) {
  if (cue.ends_with('*')) return word.starts_with(cue.substr(0, cue.size() - 1));
  return word == cue;
}

std::string lower_first(const std::string& text) { return text::fold_case(text); }

}  // namespace

std::vector<std::string> story_themes(const std::vector<Document>& articles) {
  std::vector<size_t> hits(std::size(kThemes), 0);
  size_t words = 0;
  for (const Document& article : articles) {
    std::string text = article.title.value_or("");
    text += '\n';
    text += body_of(article);
    size_t read = 0;
    for (const auto& word : text::split_words(text)) {
      // An article's first words say what it is about; a text of megabytes (a pasted transcript, a
      // hostile POST) would otherwise cost seconds against every cue.
      if (++read > kMostWordsPerArticle) break;
      ++words;
      const std::string folded = text::fold_case(word.text);
      for (size_t t = 0; t < std::size(kThemes); ++t)
        for (std::string_view cue : kThemes[t].cues)
          if (matches(cue, folded)) {
            ++hits[t];
            break;
          }
    }
  }
  std::vector<size_t> order(std::size(kThemes));
  for (size_t t = 0; t < order.size(); ++t) order[t] = t;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return hits[a] > hits[b]; });
  std::vector<std::string> themes;
  for (size_t t : order) {
    if (themes.size() >= kMaxThemes || words == 0) break;
    const double density = static_cast<double>(hits[t]) / static_cast<double>(words);
    if (hits[t] < kMinThemeHits || density < kMinThemeDensity) break;
    // A second theme must be at least half as present as the first.
    if (!themes.empty() && hits[t] * 2 < hits[order[0]]) break;
    themes.emplace_back(kThemes[t].name);
  }
  return themes;
}

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
      // "other" holds nationalities and unclassified capitalized runs: not subjects by themselves.
      if (entity.type != "person" && entity.type != "organization" && entity.type != "location") continue;
      const auto words = text::split_words(entity.text);
      if (words.empty() || words.size() > 4) continue;
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
    if (topics.size() >= kMaxEntityTopics) break;
    topics.push_back(candidate.text);
  }
  for (std::string& theme : story_themes(articles)) {
    if (topics.size() >= kMaxTopics) break;
    if (std::find(topics.begin(), topics.end(), theme) == topics.end()) topics.push_back(std::move(theme));
  }
  return topics;
}

}  // namespace storyline::summarize
