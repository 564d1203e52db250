#pragma once
// `storyline eval quotes`: summarize::find_quotes over PolNeAR's articles, scored against their
// attributions (quote_scores.h).
#include <map>
#include <string>
#include <vector>

#include "storyline/eval/polnear_corpus.h"
#include "storyline/eval/quote_scores.h"

namespace storyline::eval {

struct ArticleQuotes {
  const PolnearArticle* article = nullptr;
  std::vector<FoundQuote> found;
  ArticleScores scores;
};

struct QuoteEvaluation {
  std::vector<PolnearArticle> articles;
  std::vector<ArticleQuotes> results;  // one per article, in order
  ArticleScores all;
  std::map<std::string, ArticleScores> by_publisher;
};

// Reads `compartment` ("dev" or "train") of PolNeAR in `folder` and finds the quotes of every
// article as ingest would (entities labelled first). Throws std::runtime_error as read_polnear.
QuoteEvaluation evaluate_quotes(const std::string& folder, const std::string& compartment);

}  // namespace storyline::eval
