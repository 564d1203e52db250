#include "storyline/label/topics.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <stdexcept>
#include <string_view>

#include "storyline/core/table_rows.h"
#include "storyline/label/categorize.h"
#include "storyline/label/translation_lexicon.h"
#include "storyline/text/tokenize.h"
#include "storyline/text/utf8.h"

namespace storyline::label {
namespace {

constexpr std::string_view kThemeTable =
#include "storyline/label/topic_themes.tsv.inc"
    ;

constexpr size_t kMaxThemes = 2;
// A theme needs this many cue words in the texts, and this many per word of text: a single
// "talks" in a sports report does not make it diplomacy.
constexpr size_t kMinThemeHits = 3;
constexpr double kMinThemeDensity = 0.012;
// An article's first words say what it is about; a text of megabytes (a pasted transcript, a
// hostile POST) would otherwise cost seconds against every cue.
constexpr size_t kMostWordsPerArticle = 5000;
// Bytes of body copied and broken into words to find those words: far more than 5,000 words of any
// language take, so only the copy and the word breaking are bounded.
constexpr size_t kMostBytesPerArticle = 256 * 1024;
// A body this short (about a hundred words) is a standfirst, not an article.
constexpr size_t kShortBodyBytes = 700;

struct Cue {
  std::string word;  // folded, without the '*'
  bool prefix = false;
  std::string stem;  // the English Snowball stem of `word`, for translated words
};

struct Theme {
  std::string name;
  std::vector<Cue> cues;
};

// "theme<TAB>cues<TAB>note" rows. The table is compiled in, so a malformed row is a programming
// error, reported with its line number (a unit test loads it).
std::vector<Theme> parse_themes(std::string_view data) {
  std::vector<Theme> themes;
  text::Analyzer english("en");
  for_each_table_row(data, [&](size_t line, const TableRow& fields) {
    const std::string where = "topic_themes.tsv:" + std::to_string(line) + ": ";
    if (fields.size() < 2) throw std::logic_error(where + "no tab after the theme");
    Theme theme{std::string(fields[0]), {}};
    size_t start = 0;
    const std::string_view cues = fields[1];
    while (start < cues.size()) {
      size_t end = cues.find(' ', start);
      if (end == std::string_view::npos) end = cues.size();
      std::string_view word = cues.substr(start, end - start);
      start = end + 1;
      if (word.empty()) continue;
      Cue cue;
      cue.prefix = word.ends_with('*');
      if (cue.prefix) word.remove_suffix(1);
      cue.word = text::fold_case(word);
      cue.stem = english.stem(cue.word);
      theme.cues.push_back(std::move(cue));
    }
    if (theme.name.empty() || theme.cues.empty()) throw std::logic_error(where + "a theme needs a name and cue words");
    themes.push_back(std::move(theme));
  });
  return themes;
}

const std::vector<Theme>& themes() {
  static const std::vector<Theme> parsed = parse_themes(kThemeTable);
  return parsed;
}

bool matches_word(const Cue& cue, std::string_view folded_word) {
  return cue.prefix ? folded_word.starts_with(cue.word) : folded_word == cue.word;
}

bool matches_stem(const Cue& cue, std::string_view english_stem) {
  return cue.prefix ? english_stem.starts_with(cue.stem) : english_stem == cue.stem;
}

// The theme a word signals, if any (the first in the table's order).
template <typename Match>
std::optional<size_t> theme_of(std::string_view word, Match match) {
  const auto& all = themes();
  for (size_t t = 0; t < all.size(); ++t)
    for (const Cue& cue : all[t].cues)
      if (match(cue, word)) return t;
  return std::nullopt;
}

// Counts cue words of one article into `hits`, its words into `words`, and those of them read
// through the translation lexicon into `translated`.
void count_cues(const Document& article, std::vector<size_t>& hits, size_t& words, size_t& translated) {
  std::string text = article.title.value_or("");
  text += '\n';
  text += text::utf8_prefix(body_of(article), kMostBytesPerArticle);
  const std::string language = article.language.value_or("en");
  if (language == "en" || language.empty()) {
    size_t read = 0;
    for (const auto& word : text::split_words(text)) {
      if (++read > kMostWordsPerArticle) break;
      ++words;
      if (const auto theme = theme_of(text::fold_case(word.text), matches_word)) ++hits[*theme];
    }
    return;
  }
  // Another language: its words as the lexicon's English stems. The density stays per word of
  // text, so a theme needs as much said as in English (words the lexicon lacks count against it).
  // No lexicon beside the executable: other languages get no themes.
  const TranslationLexicon* lexicon = translation_lexicon_if_shipped();
  if (!lexicon) return;
  text::Analyzer& analyzer = text::thread_analyzer(language);
  const auto split = text::split_words(text);
  const size_t read_words = std::min(split.size(), kMostWordsPerArticle);
  words += read_words;
  translated += read_words;
  if (read_words == 0) return;
  const std::string_view read_text = std::string_view(text).substr(0, split[read_words - 1].offset +
                                                                          split[read_words - 1].text.size());
  for (const std::string& term : analyzer.terms(read_text))
    if (const std::string* english = lexicon->english(language, term))
      if (const auto theme = theme_of(*english, matches_stem)) ++hits[*theme];
}

std::vector<std::string> strongest_themes(const std::vector<const Document*>& articles) {
  const auto& all = themes();
  std::vector<size_t> hits(all.size(), 0);
  size_t words = 0, translated = 0;
  for (const Document* article : articles) count_cues(*article, hits, words, translated);
  // A dictionary's first sense is often not the text's ("масло" is butter in a recipe, not oil):
  // words read through the lexicon must say a theme twice as densely.
  const double min_density = words ? kMinThemeDensity * (1.0 + static_cast<double>(translated) / static_cast<double>(words))
                                   : 0.0;
  std::vector<size_t> order(all.size());
  for (size_t t = 0; t < order.size(); ++t) order[t] = t;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return hits[a] > hits[b]; });
  std::vector<std::string> found;
  for (size_t t : order) {
    if (found.size() >= kMaxThemes || words == 0) break;
    const double density = static_cast<double>(hits[t]) / static_cast<double>(words);
    if (hits[t] < kMinThemeHits || density < min_density) break;
    // A second theme must be at least half as present as the first.
    if (!found.empty() && hits[t] * 2 < hits[order[0]]) break;
    found.push_back(all[t].name);
  }
  return found;
}

}  // namespace

std::vector<std::string> themes_of(const std::vector<Document>& articles) {
  std::vector<const Document*> pointers;
  pointers.reserve(articles.size());
  for (const Document& article : articles) pointers.push_back(&article);
  return strongest_themes(pointers);
}

bool is_topic_entity(const Entity& entity) {
  if (entity.type != "person" && entity.type != "organization" && entity.type != "location") return false;
  const auto words = text::split_words(entity.text);
  return !words.empty() && words.size() <= 4 && !(words.size() == 1 && words[0].text.size() == 1);
}

namespace {

bool is_word_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return std::isalnum(byte) || byte >= 0x80;
}

// `name` as a whole word (or words) of `text`.
bool names(std::string_view text, std::string_view name) {
  if (name.empty()) return false;
  for (size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
    const size_t end = at + name.size();
    if ((at == 0 || !is_word_byte(text[at - 1])) && (end == text.size() || !is_word_byte(text[end]))) return true;
  }
  return false;
}

// A person's title mention is often the surname alone ("Blinken says ...").
bool in_title(const EntityMention& mention, std::string_view title) {
  if (names(title, mention.text)) return true;
  if (mention.type != "person") return false;
  const size_t space = mention.text.rfind(' ');
  return space != std::string::npos && names(title, std::string_view(mention.text).substr(space + 1));
}

std::vector<std::string> with_themes(std::vector<std::string> topics, const Document& document) {
  for (std::string& theme : strongest_themes({&document})) {
    if (topics.size() >= kMaxTopics) break;
    if (std::find(topics.begin(), topics.end(), theme) == topics.end()) topics.push_back(std::move(theme));
  }
  return topics;
}

// Adds `name` unless a name of the same folded text is there already.
void add_name(std::vector<std::string>& topics, std::vector<std::string>& folded, const std::string& name) {
  std::string key = text::fold_case(name);
  if (std::find(folded.begin(), folded.end(), key) != folded.end()) return;
  folded.push_back(std::move(key));
  topics.push_back(name);
}

}  // namespace

std::vector<std::string> document_topics(const Document& document, const std::vector<EntityMention>& mentions) {
  const std::string_view title = document.title ? std::string_view(*document.title) : std::string_view();
  // In a standfirst of two sentences (a record's excerpt) every name is central.
  const size_t body_bytes = document.text ? document.text->size() : document.excerpt ? document.excerpt->size() : 0;
  const int central_count = body_bytes < kShortBodyBytes ? 1 : 2;
  std::vector<std::string> topics, folded;
  for (const EntityMention& mention : mentions) {  // most mentioned first
    if (topics.size() >= kMaxDocumentNameTopics) break;
    if (!is_topic_entity({mention.text, mention.type})) continue;
    if (mention.count >= central_count || in_title(mention, title)) add_name(topics, folded, mention.text);
  }
  return with_themes(std::move(topics), document);
}

std::vector<std::string> document_topics(const Document& document) {
  std::vector<std::string> topics, folded;
  for (const Entity& entity : document.entities) {
    if (topics.size() >= kMaxDocumentNameTopics) break;
    if (is_topic_entity(entity)) add_name(topics, folded, entity.text);
  }
  return with_themes(std::move(topics), document);
}

}  // namespace storyline::label
