#include "storyline/cluster/document_analysis.h"

#include "storyline/cluster/name_features.h"
#include "storyline/core/iso_day.h"

#include <algorithm>
#include <cmath>

namespace storyline::cluster {

DocumentAnalyzer::DocumentAnalyzer(Vocabulary& vocabulary, AnalysisOptions options)
    : vocabulary_(vocabulary), options_(options) {}

text::Analyzer& DocumentAnalyzer::analyzer_for(const std::string& language) {
  auto& slot = analyzers_[language];
  if (!slot) slot = std::make_unique<text::Analyzer>(language);
  return *slot;
}

void DocumentAnalyzer::add_text(std::string_view text, size_t max_words, text::Analyzer& analyzer,
                                std::vector<WeightedTerm>& counts, std::vector<WeightedTerm>* names) {
  std::vector<text::Word> words = text::split_words(text);
  if (words.size() > max_words) words.resize(max_words);
  for (const text::Word& word : words) {
    const std::string folded = text::fold_case(word.text);
    if (analyzer.is_stop_word(folded)) continue;
    const bool is_number = folded[0] >= '0' && folded[0] <= '9';
    counts.push_back({vocabulary_.id(analyzer.stem(folded)), is_number ? options_.number_weight : 1.0f});
  }
  if (!names) return;
  std::string term;
  for (const std::string& name :
       find_names(text, words, [&](std::string_view folded) { return analyzer.is_stop_word(folded); })) {
    term.clear();
    for (char c : kNamePrefix) term.push_back(c);  // not assign(): GCC 12 warns falsely (-Wrestrict)
    term.append(name);
    names->push_back({vocabulary_.id(term), 1.0f});
  }
}

AnalyzedDocument DocumentAnalyzer::analyze(const Document& document) {
  AnalyzedDocument analyzed;
  analyzed.id = document.id;
  if (document.published) analyzed.day = published_day(*document.published);
  text::Analyzer& analyzer = analyzer_for(document.language.value_or("en"));
  std::vector<WeightedTerm> title, body, names;
  // Headlines are in title case, so names are only looked for in running text.
  if (document.title) add_text(*document.title, 64, analyzer, title, nullptr);
  const std::optional<std::string>& text = document.text && !document.text->empty() ? document.text : document.excerpt;
  if (text) add_text(*text, options_.max_body_words, analyzer, body, &names);
  analyzed.title = make_sparse(std::move(title));
  analyzed.body = make_sparse(std::move(body));
  analyzed.names = make_sparse(std::move(names));
  std::vector<WeightedTerm> people;
  std::string term;
  for (const Entity& entity : document.entities) {
    if (entity.type != "person") continue;
    const std::string folded = text::fold_case(entity.text);
    term.assign(kPersonPrefix);
    term += folded;
    people.push_back({vocabulary_.id(term), 1.0f});
    // Its words too, so that "Hibatullah" meets "Hibatullah Akhundzada".
    for (const text::Word& word : text::split_words(folded)) {
      if (word.text.size() < 3 || folded.size() == word.text.size()) continue;
      term.assign(kPersonPrefix);
      term += word.text;
      people.push_back({vocabulary_.id(term), 0.5f});
    }
  }
  analyzed.people = make_sparse(std::move(people));
  return analyzed;
}

SparseVector distinct_terms(const AnalyzedDocument& document) {
  SparseVector all = add_scaled(add_scaled(add_scaled(document.body, document.title, 1.0f), document.names, 1.0f),
                                document.people, 1.0f);
  return all;
}

SparseVector document_vector(const AnalyzedDocument& document, const DocumentFrequencies& frequencies,
                             const BlockShares& shares) {
  const float body_share = std::max(0.0f, 1.0f - shares.title - shares.names - shares.people);
  SparseVector vector;
  const std::pair<const SparseVector*, float> blocks[] = {
      {&document.body, body_share}, {&document.title, shares.title}, {&document.names, shares.names},
      {&document.people, shares.people}};
  for (const auto& [block, share] : blocks) {
    if (block->empty() || share <= 0) continue;
    vector = add_scaled(vector, tfidf_vector(*block, frequencies), std::sqrt(share));
  }
  normalize(vector);
  return vector;
}

}  // namespace storyline::cluster
