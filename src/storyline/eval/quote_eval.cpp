#include "storyline/eval/quote_eval.h"

#include "storyline/label/label_document.h"
#include "storyline/summarize/quote_finder.h"

namespace storyline::eval {

QuoteEvaluation evaluate_quotes(const std::string& folder, const std::string& compartment) {
  QuoteEvaluation evaluation;
  evaluation.articles = read_polnear(folder, compartment);
  for (const PolnearArticle& article : evaluation.articles) {
    Document document;
    document.id = article.name;
    document.title = article.title;
    document.text = article.text;
    document.language = "en";
    label::label_entities(document);
    ArticleQuotes result;
    result.article = &article;
    for (const summarize::Quote& quote : summarize::find_quotes(document))
      result.found.push_back({quote.text, quote.speaker, quote.reported});
    result.scores = score_quotes(article.text, article.attributions, result.found);
    for (ArticleScores* into : {&evaluation.by_publisher[article.publisher], &evaluation.all}) {
      into->direct.add(result.scores.direct);
      into->reported.add(result.scores.reported);
    }
    evaluation.results.push_back(std::move(result));
  }
  return evaluation;
}

}  // namespace storyline::eval
