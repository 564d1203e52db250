#include "storyline/summarize/extractive_summary.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string_view>

#include "storyline/core/ascii.h"
#include "storyline/core/publisher.h"
#include "storyline/text/tokenize.h"

namespace storyline::summarize {
namespace {

constexpr size_t kMinSentenceWords = 6;
constexpr size_t kMaxSentenceWords = 60;
// MMR trade-off: how much similarity to an already chosen bullet costs (Carbonell & Goldstein).
constexpr double kRedundancyCost = 0.7;
// A candidate this similar to a chosen bullet is redundant outright.
constexpr double kRedundantSimilarity = 0.4;

struct Sentence {
  std::string_view text;
  size_t article = 0;
  size_t index = 0;  // position in its article
  std::vector<std::string> terms;
  double score = 0;
  bool candidate = false;
};

// Page chrome that survives extraction as a "sentence".
bool is_chrome(const std::string& folded) {
  if (folded.starts_with("published") || folded.starts_with("updated") || folded.starts_with("last updated")) return true;
  return contains_any(folded,
                      {"leave a reply", "email address", "download on the", "submit a correction", "appeared originally",
                       "all rights reserved", "click here", "sign up", "subscribe", "follow us", "read more",
                       "scroll to top", "photo/", "/getty", "(ap photo", "cookies", "newsletter"});
}

bool starts_dangling(std::string_view sentence) {
  const auto words = text::split_words(sentence);
  if (words.empty()) return false;
  const std::string first = text::fold_case(words[0].text);
  static constexpr std::string_view kDangling[] = {"he",        "she",         "they", "it",      "this", "these",
                                                   "those",     "that",        "but",  "however", "and",  "also",
                                                   "meanwhile", "still",       "yet",  "so",      "then", "instead",
                                                   "moreover",  "furthermore", "such", "his",     "her",  "their",
                                                   "its",       "there",       "here", "or",      "nor",  "besides"};
  return std::find(std::begin(kDangling), std::end(kDangling), first) != std::end(kDangling);
}

bool ends_like_sentence(std::string_view sentence) {
  while (!sentence.empty() && std::isspace(static_cast<unsigned char>(sentence.back()))) sentence.remove_suffix(1);
  if (sentence.empty()) return false;
  const char last = sentence.back();
  return last == '.' || last == '!' || last == '"' || last == '\'' || last == ')' || sentence.ends_with("\xE2\x80\x9D") ||
         sentence.ends_with("\xE2\x80\x99") || sentence.ends_with("\xE2\x80\xA6");
}

// A feed's excerpt cut mid-word: "... would not seek U." (a lone capital before the final period).
bool looks_truncated(std::string_view sentence) {
  while (!sentence.empty() && std::isspace(static_cast<unsigned char>(sentence.back()))) sentence.remove_suffix(1);
  if (sentence.ends_with("...") || sentence.ends_with("\xE2\x80\xA6")) return true;
  const size_t n = sentence.size();
  return n >= 3 && sentence[n - 1] == '.' && std::isupper(static_cast<unsigned char>(sentence[n - 2])) &&
         sentence[n - 3] == ' ';
}

bool starts_with_quote(std::string_view sentence) {
  return sentence.starts_with("\xE2\x80\x9C") || sentence.starts_with("\"") || sentence.starts_with("\xE2\x80\x98") ||
         sentence.starts_with("``");
}

double capitalized_share(const std::vector<text::Word>& words) {
  size_t capitalized = 0;
  for (const auto& word : words)
    if (!word.text.empty() && std::isupper(static_cast<unsigned char>(word.text[0]))) ++capitalized;
  return words.empty() ? 0 : static_cast<double>(capitalized) / static_cast<double>(words.size());
}

// Datelines and timestamps ("August 7, 2012 - 5:46 pm") are mostly numbers.
double numeric_share(const std::vector<text::Word>& words) {
  size_t numbers = 0;
  for (const auto& word : words)
    if (std::isdigit(static_cast<unsigned char>(word.text[0]))) ++numbers;
  return words.empty() ? 0 : static_cast<double>(numbers) / static_cast<double>(words.size());
}

// Names (capitalized words after the first) and numbers: the who, where and how many.
double informativeness(const std::vector<text::Word>& words) {
  size_t facts = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    const unsigned char first = static_cast<unsigned char>(words[i].text[0]);
    if (std::isdigit(first) || (i > 0 && std::isupper(first))) ++facts;
  }
  return std::min(1.0, static_cast<double>(facts) / 5.0);
}

void add_sentences(std::string_view body, size_t article, std::vector<Sentence>& sentences, size_t& index) {
  size_t start = 0;
  while (start < body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    for (std::string_view sentence : text::split_sentences(body.substr(start, end - start)))
      sentences.push_back({sentence, article, index++, {}, 0, false});
    start = end + 1;
  }
}

}  // namespace

std::vector<Bullet> summary_bullets(const std::vector<Document>& articles, StoryVocabulary& vocabulary) {
  std::vector<Sentence> sentences;
  for (size_t a = 0; a < articles.size(); ++a) {
    const Document& article = articles[a];
    size_t index = 0;
    const std::string_view body = body_of(article);
    // The standfirst leads when the body does not already contain it.
    if (article.excerpt && !article.excerpt->empty() && body.find(*article.excerpt) == std::string_view::npos)
      add_sentences(*article.excerpt, a, sentences, index);
    add_sentences(body, a, sentences, index);
  }

  double best_centrality = 0;
  std::vector<double> centrality(sentences.size(), 0);
  for (size_t s = 0; s < sentences.size(); ++s) {
    Sentence& sentence = sentences[s];
    sentence.terms = vocabulary.terms(sentence.text);
    const auto words = text::split_words(sentence.text);
    const std::string folded = text::fold_case(sentence.text);
    const std::string title = text::fold_case(articles[sentence.article].title.value_or(""));
    sentence.candidate = words.size() >= kMinSentenceWords && words.size() <= kMaxSentenceWords &&
                         sentence.text.find('?') == std::string_view::npos && !is_chrome(folded) && folded != title &&
                         !looks_truncated(sentence.text) &&
                         // A fragment split off its sentence ("on Tuesday, 16 December ...").
                         !std::islower(static_cast<unsigned char>(sentence.text[0])) &&
                         // Headlines of other stories and menus: mostly capitalized words.
                         capitalized_share(words) < 0.6 && numeric_share(words) < 0.4 &&
                         (ends_like_sentence(sentence.text) || capitalized_share(words) < 0.35);
    if (!sentence.candidate) continue;
    double weight_sum = 0;
    for (const std::string& term : sentence.terms) weight_sum += vocabulary.weight(term);
    centrality[s] = sentence.terms.empty() ? 0 : weight_sum / std::sqrt(static_cast<double>(sentence.terms.size()));
    best_centrality = std::max(best_centrality, centrality[s]);
  }
  for (size_t s = 0; s < sentences.size(); ++s) {
    Sentence& sentence = sentences[s];
    if (!sentence.candidate) continue;
    const double central = best_centrality > 0 ? centrality[s] / best_centrality : 0;
    // News is written in inverted pyramid: the first sentences carry the event.
    const double position = 1.0 / (1.0 + 0.25 * static_cast<double>(sentence.index));
    sentence.score = 0.55 * central + 0.3 * position + 0.15 * informativeness(text::split_words(sentence.text));
    // Sentences that lean on a previous one ("He said", "However,") read badly alone; quotations
    // belong in the quotes list rather than the summary.
    if (starts_dangling(sentence.text)) sentence.score *= 0.6;
    if (starts_with_quote(sentence.text)) sentence.score *= 0.75;
  }

  const size_t publisher_count = vocabulary.publisher_count();
  const size_t limit = std::min(kMaxBullets, publisher_count >= 3 ? size_t{6} : size_t{5});
  std::vector<size_t> chosen;
  while (chosen.size() < limit) {
    double best = -1;
    size_t best_index = sentences.size();
    for (size_t s = 0; s < sentences.size(); ++s) {
      if (!sentences[s].candidate) continue;
      double max_similarity = 0;
      for (size_t c : chosen)
        max_similarity = std::max(max_similarity, term_overlap(sentences[s].terms, sentences[c].terms));
      if (max_similarity >= kRedundantSimilarity) continue;
      const double relevance = sentences[s].score - kRedundancyCost * max_similarity;
      if (relevance > best) {
        best = relevance;
        best_index = s;
      }
    }
    if (best_index == sentences.size()) break;
    // After three bullets, stop when what is left is much weaker than the first.
    if (chosen.size() >= 3 && best < 0.4 * sentences[chosen.front()].score) break;
    chosen.push_back(best_index);
    sentences[best_index].candidate = false;
  }

  const std::vector<Publisher> publishers = publishers_of(articles);
  std::vector<Bullet> bullets;
  for (size_t c : chosen) {
    Bullet bullet;
    bullet.text = std::string(sentences[c].text);
    std::vector<bool> cited(articles.size(), false);
    for (const Sentence& other : sentences) {
      if (cited[other.article]) continue;
      if (&other != &sentences[c] && term_overlap(other.terms, sentences[c].terms) < kEquivalentSimilarity) continue;
      cited[other.article] = true;
    }
    // Each publisher cited once, by the name of its first article ("BBC News" and "BBC" on
    // bbc.co.uk are one publisher).
    std::vector<std::string> cited_keys;
    for (size_t a = 0; a < articles.size(); ++a) {
      if (!cited[a]) continue;
      bullet.document_ids.push_back(articles[a].id);
      const Publisher& publisher = publishers[a];
      if (publisher.name.empty() || std::find(cited_keys.begin(), cited_keys.end(), publisher.key) != cited_keys.end())
        continue;
      cited_keys.push_back(publisher.key);
      bullet.publishers.push_back(publisher.name);
    }
    bullets.push_back(std::move(bullet));
  }
  return bullets;
}

}  // namespace storyline::summarize
