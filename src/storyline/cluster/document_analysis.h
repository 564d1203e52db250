#pragma once
// One document to what the clusterer compares: weighted term counts (title words count more;
// names found by text/name_runs are extra terms) and the publication day.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "storyline/cluster/term_vectors.h"
#include "storyline/core/document.h"
#include "storyline/text/tokenize.h"

namespace storyline::cluster {

struct AnalyzedDocument {
  std::string id;
  std::optional<int32_t> day;  // days since 1970-01-01 of `published`
  std::string language;        // the language its words were analysed as
  std::string publisher;       // core/publisher.h's key; empty when nothing identifies the publisher
  // Counts, not yet TF-IDF, in three blocks that are weighed against each other as wholes.
  SparseVector body;
  SparseVector title;
  SparseVector names;
  SparseVector people;  // the document's person entities (full names and their words)
  // Language-independent terms: the words of its names under cross_script_key, and its numbers.
  // Only compared between stories of different languages (StoryClusterer's cross-language pass).
  SparseVector anchors;
  // Its words as English terms (AnalysisOptions::translate), compared as the anchors are.
  SparseVector concepts;
};

// Each block's TF-IDF vector is normalised and given this share of the similarity, so that the
// names (few, but what tells two events of one kind apart) are not drowned by the body's words.
struct BlockShares {
  float title = 0.2f;
  float names = 0.3f;
  // Two reports of one event name the same people; two events of one subject (the same places
  // and organizations) often do not.
  float people = 0.1f;  // the body gets the rest
};

// True when the document has fewer than `min_words` words that are not numbers (body, else body
// and title): a near-empty page, or numbers only. Such a document can match anything by chance, so
// it starts its own story and nothing joins it.
bool has_too_little_signal(const AnalyzedDocument& document, const Vocabulary& vocabulary, size_t min_words);

// The four blocks' unit TF-IDF vectors. Words are judged among the documents of their language;
// names and people among all documents, since a name is written alike in many languages (that is
// how reports in two languages meet).
struct BlockVectors {
  SparseVector body, title, names, people;
};
BlockVectors block_vectors(const AnalyzedDocument& document, const DocumentFrequencies& frequencies);

// The anchors' and the concepts' unit TF-IDF vectors (judged among all documents).
SparseVector anchor_vector(const AnalyzedDocument& document, const DocumentFrequencies& frequencies);
SparseVector concept_vector(const AnalyzedDocument& document, const DocumentFrequencies& frequencies);

// Every term of the document once, for document frequencies.
SparseVector distinct_terms(const AnalyzedDocument& document);
// The blocks' unit TF-IDF vectors, scaled by the square roots of their shares and summed, then
// normalised: the dot product of two such vectors is close to the share-weighted block cosines.
SparseVector document_vector(const AnalyzedDocument& document, const DocumentFrequencies& frequencies,
                             const BlockShares& shares);

// The English term (an analyzer term: folded, stemmed) of `term` of `language`, or nullptr when
// none is known; for an English term, the term itself when it is one the translations reach (a
// word no other language translates to cannot meet one). The clusterer knows no lexicon of its
// own: the pipeline passes the shipped one (label/translation_lexicon.h).
using WordTranslator = std::function<const std::string*(std::string_view language, std::string_view term)>;

struct AnalysisOptions {
  // Numbers (years, counts, magnitudes, scores) are what tell two events of one kind apart.
  float number_weight = 3.0f;
  // Only the first words of a long body: the lead says what happened, and the cost stays bounded.
  size_t max_body_words = 1200;
  // Anchors (AnalyzedDocument::anchors) for meeting reports in other languages.
  bool anchors = true;
  // Words as English terms among the anchors (empty: none). "Zölle", "aranceles" and "пошлины"
  // all say "tariff": names and numbers alone seldom tell that two reports in different languages
  // are one event.
  WordTranslator translate;
};

// Names are stored in the vocabulary with this prefix, so "@doha" (a name) and "doha" (a word)
// are two terms.
inline constexpr std::string_view kNamePrefix = "@";
inline constexpr std::string_view kPersonPrefix = "#";
inline constexpr std::string_view kAnchorPrefix = "^";         // a name's cross_script_key
inline constexpr std::string_view kNumberAnchorPrefix = "^#";  // a number's number_key
inline constexpr std::string_view kConceptPrefix = "~";        // a word's English term (translate)

// The language a document's words are analysed in: its own, as a primary subtag ("en-GB" is "en"),
// else the one its text is in (a JSON record may come without one), else English. Words are only
// comparable once stemmed and stripped of stop words the language's way.
std::string analysis_language(const Document& document);

class DocumentAnalyzer {
 public:
  explicit DocumentAnalyzer(Vocabulary& vocabulary, AnalysisOptions options = {});
  AnalyzedDocument analyze(const Document& document);

 private:
  text::Analyzer& analyzer_for(const std::string& language);
  // `names` and `anchors` (names and numbers) may be null; `concepts` receives the words' English
  // terms when options_.translate is set.
  void add_text(std::string_view text, size_t max_words, text::Analyzer& analyzer, std::vector<WeightedTerm>& counts,
                std::vector<WeightedTerm>* names, std::vector<WeightedTerm>* anchors, std::vector<WeightedTerm>* concepts);
  TermId concept_term(const std::string& english);
  // A word's anchor terms: its cross_script_key as written and once stemmed (kNoAnchor: none),
  // remembered: names recur across documents, and ICU's transliteration, the stemmer and the
  // vocabulary cost microseconds a word.
  static constexpr TermId kNoAnchor = ~TermId{0};
  struct WordAnchors {
    TermId written = kNoAnchor, stemmed = kNoAnchor;
  };
  WordAnchors anchors_of(std::string_view folded_word, text::Analyzer& analyzer);
  TermId anchor_term(std::string_view prefix, std::string_view key);

  Vocabulary& vocabulary_;
  AnalysisOptions options_;
  std::map<std::string, std::unique_ptr<text::Analyzer>> analyzers_;
  std::unordered_map<std::string, WordAnchors> word_anchors_;     // language, NUL, folded word; bounded
  std::unordered_map<const std::string*, TermId> concept_terms_;  // by the translator's string (stable)
  std::string key_scratch_;
};

}  // namespace storyline::cluster
