#include "storyline/summarize/story_overview.h"

#include <map>
#include <optional>
#include <set>
#include <unordered_set>

#include "storyline/summarize/extractive_summary.h"
#include "storyline/summarize/headline_choice.h"
#include "storyline/summarize/quote_finder.h"
#include "storyline/summarize/story_topics.h"
#include "storyline/summarize/story_vocabulary.h"
#include "storyline/text/tokenize.h"

namespace storyline::summarize {
namespace {

// Who-said-what across a story can run long; the page shows the first ones of each article.
constexpr size_t kMaxQuotes = 16;
// A quotation of fewer words is a fragment of a sentence, shown after the others.
constexpr size_t kMinSentenceQuoteWords = 4;

// A speaker one article names by one word ("Zhang said") is the person another article of the
// story names in full ("Daniel Zhang"), when exactly one person of the story has that word as
// their first or last name. Their role comes along when the article gave none.
void name_speakers_in_full(const std::vector<Document>& articles, std::vector<Quote>& quotes) {
  std::map<std::string, std::set<std::string>> full_names;  // a name's first or last word -> names
  std::map<std::string, std::optional<std::string>> roles;
  for (const Document& article : articles)
    for (const Entity& entity : article.entities) {
      if (entity.type != "person") continue;
      const auto words = text::split_words(entity.text);
      if (words.size() < 2) continue;
      full_names[std::string(words.front().text)].insert(entity.text);
      full_names[std::string(words.back().text)].insert(entity.text);
    }
  for (const Quote& quote : quotes)
    if (quote.speaker_role && !roles[quote.speaker]) roles[quote.speaker] = quote.speaker_role;
  for (Quote& quote : quotes) {
    const auto words = text::split_words(quote.speaker);
    if (words.size() != 1 || words.front().text.size() != quote.speaker.size()) continue;
    const auto found = full_names.find(quote.speaker);
    if (found == full_names.end() || found->second.size() != 1) continue;
    quote.speaker = *found->second.begin();
    if (!quote.speaker_role) quote.speaker_role = roles[quote.speaker];
  }
}

}  // namespace

OverviewText story_overview(const std::vector<Document>& articles) {
  OverviewText overview;
  if (articles.empty()) return overview;
  StoryVocabulary vocabulary(articles);
  overview.headline = choose_headline(articles, vocabulary);
  overview.summary = summary_bullets(articles, vocabulary);
  std::vector<Quote> found;
  for (const Document& article : articles)
    for (Quote& quote : find_quotes(article)) found.push_back(std::move(quote));
  name_speakers_in_full(articles, found);
  // Syndicated copies carry the same quotations: each text once, from the first article.
  std::unordered_set<std::string> seen;
  std::vector<Quote> reported, fragments;
  for (Quote& quote : found) {
    if (!seen.insert(quote.speaker + '\n' + quote.text).second) continue;
    if (quote.reported) reported.push_back(std::move(quote));
    else if (text::split_words(quote.text).size() < kMinSentenceQuoteWords) fragments.push_back(std::move(quote));
    else overview.quotes.push_back(std::move(quote));
  }
  // Direct quotations first: they are the speakers' own words; then what they said in the
  // article's words, then the few words they were quoted in ("called it “a total stiff”").
  for (Quote& quote : reported) overview.quotes.push_back(std::move(quote));
  for (Quote& quote : fragments) overview.quotes.push_back(std::move(quote));
  if (overview.quotes.size() > kMaxQuotes) overview.quotes.resize(kMaxQuotes);
  overview.topics = story_topics(articles);
  return overview;
}

}  // namespace storyline::summarize
