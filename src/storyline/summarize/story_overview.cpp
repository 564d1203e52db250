#include "storyline/summarize/story_overview.h"

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

}  // namespace

OverviewText story_overview(const std::vector<Document>& articles) {
  OverviewText overview;
  if (articles.empty()) return overview;
  StoryVocabulary vocabulary(articles);
  overview.headline = choose_headline(articles, vocabulary);
  overview.summary = summary_bullets(articles, vocabulary);
  // Syndicated copies carry the same quotations: each text once, from the first article.
  std::unordered_set<std::string> seen;
  std::vector<Quote> reported, fragments;
  for (const Document& article : articles) {
    for (Quote& quote : find_quotes(article)) {
      if (!seen.insert(quote.speaker + '\n' + quote.text).second) continue;
      if (quote.reported) reported.push_back(std::move(quote));
      else if (text::split_words(quote.text).size() < kMinSentenceQuoteWords) fragments.push_back(std::move(quote));
      else overview.quotes.push_back(std::move(quote));
    }
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
