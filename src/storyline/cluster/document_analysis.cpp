#include "storyline/cluster/document_analysis.h"

#include "storyline/cluster/cross_script_key.h"
#include "storyline/cluster/truncation_stem.h"
#include "storyline/core/iso_day.h"
#include "storyline/core/publisher.h"
#include "storyline/text/language.h"
#include "storyline/text/name_runs.h"
#include "storyline/text/utf8.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <span>

namespace storyline::cluster {
namespace {

// "2019.11.09", "09/11/2019", "2019-11-09", "03:00": a date or clock time. It says when, which the
// publication date already tells; as a word it makes every page a publisher dates the same way on
// one day alike (a Korean publisher's "입력 2019.11.09 03:00" line made one story of 47 pages).
bool starts_with_digit(std::string_view term) { return !term.empty() && term[0] >= '0' && term[0] <= '9'; }

bool is_date_or_time(std::string_view number) {
  size_t separators = 0;
  for (char c : number) {
    if (c == ':') return true;
    separators += c == '.' || c == '/' || c == '-';
  }
  return separators >= 2;
}

// Whether most words are written in a script with capital letters. In Korean, Arabic, Chinese,
// Hindi... capitals cannot mark names: the only capitalised words are Latin ones, mostly the
// publisher's own ("Copyright", "Chosun.com"), which made every page of one publisher alike.
bool written_in_cased_script(std::span<const text::Word> words) {
  size_t cased = 0, letters = 0;
  for (const text::Word& word : words) {
    int32_t offset = 0;
    UChar32 first = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(word.text.data()), offset, static_cast<int32_t>(word.text.size()), first);
    if (first < 0 || !u_isalpha(first)) continue;
    ++letters;
    cased += u_hasBinaryProperty(first, UCHAR_CASED) != 0;
  }
  return cased * 2 > letters;
}

// "en-GB", "EN", "pt_BR" as "en", "en", "pt"; nullopt unless two or three letters lead. A record's
// language is free text: each distinct spelling would get its own analyzer and word counts.
std::optional<std::string> primary_language(std::string_view tag) {
  std::string primary;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return std::nullopt;
    primary += static_cast<char>(c | 0x20);
  }
  if (primary.size() < 2 || primary.size() > 3) return std::nullopt;
  return primary;
}

}  // namespace

DocumentAnalyzer::DocumentAnalyzer(Vocabulary& vocabulary, AnalysisOptions options)
    : vocabulary_(vocabulary), options_(options) {}

text::Analyzer& DocumentAnalyzer::analyzer_for(const std::string& language) {
  auto& slot = analyzers_[language];
  if (!slot) slot = std::make_unique<text::Analyzer>(language);
  return *slot;
}

void DocumentAnalyzer::add_text(std::string_view text, size_t max_words, text::Analyzer& analyzer,
                                std::vector<WeightedTerm>& counts, std::vector<WeightedTerm>* names,
                                std::vector<WeightedTerm>* anchors, std::vector<WeightedTerm>* concepts) {
  std::vector<text::Word> words = text::split_words(text);
  if (words.size() > max_words) words.resize(max_words);
  for (const text::Word& word : words) {
    const std::string folded = text::fold_case(word.text);
    if (analyzer.is_stop_word(folded)) continue;
    const bool is_number = starts_with_digit(folded);
    if (is_number && is_date_or_time(folded)) continue;
    if (anchors)
      if (auto key = number_key(folded)) anchors->push_back({anchor_term(kNumberAnchorPrefix, *key), 1.0f});
    const std::string term = is_number || analyzer.has_stemmer() ? analyzer.stem(folded) : truncation_stem(folded);
    counts.push_back({vocabulary_.id(term), is_number ? options_.number_weight : 1.0f});
    // The translations are of analyzer terms: the folded word itself where there is no stemmer.
    if (concepts && !is_number && options_.translate)
      if (const std::string* english = options_.translate(analyzer.language(), analyzer.has_stemmer() ? term : folded))
        concepts->push_back({concept_term(*english), 1.0f});
  }
  if (!names) return;
  // Without capitals names cannot be told from words (Arabic, Persian, Hindi, Chinese...), so
  // those documents have no name anchors. Keying every word of the lead instead gained nothing on
  // the contest gold and cost a third of the analysis time.
  if (!written_in_cased_script(words)) return;
  // Names as written (folded): the names block compares them among documents of any language
  // written alike. Keyed across alphabets they are anchors, compared only between stories of
  // different languages: in the names block, keys merged different events of one storyline whose
  // reports share many place names.
  std::string term;
  for (const std::string& name :
       text::find_names(text, words, [&](std::string_view folded) { return analyzer.is_stop_word(folded); })) {
    term.clear();
    for (char c : kNamePrefix) term.push_back(c);  // not assign(): GCC 12 warns falsely (-Wrestrict)
    term.append(name);
    names->push_back({vocabulary_.id(term), 1.0f});
    if (!anchors) continue;
    // Stemmed and as written: stemmers cut names unevenly across languages ("Цивилев" to
    // "цивил", "Tsivilev" not at all), and either form meeting is enough.
    // find_names joins a name's folded words with one space.
    for (size_t start = 0; start < name.size();) {
      size_t end = name.find(' ', start);
      if (end == std::string::npos) end = name.size();
      const WordAnchors word = anchors_of(std::string_view(name).substr(start, end - start), analyzer);
      if (word.written != kNoAnchor) anchors->push_back({word.written, 1.0f});
      if (word.stemmed != kNoAnchor && word.stemmed != word.written) anchors->push_back({word.stemmed, 1.0f});
      start = end + 1;
    }
  }
}

DocumentAnalyzer::WordAnchors DocumentAnalyzer::anchors_of(std::string_view folded_word, text::Analyzer& analyzer) {
  constexpr size_t kRemembered = 200000;  // some 20 MB at most; a stream's names repeat well within it
  key_scratch_.assign(analyzer.language());
  key_scratch_.push_back('\0');
  key_scratch_.append(folded_word);
  if (auto found = word_anchors_.find(key_scratch_); found != word_anchors_.end()) return found->second;
  if (word_anchors_.size() >= kRemembered) word_anchors_.clear();
  WordAnchors anchors;
  if (auto key = cross_script_key(folded_word)) anchors.written = anchor_term(kAnchorPrefix, *key);
  if (auto key = cross_script_key(analyzer.stem(folded_word))) anchors.stemmed = anchor_term(kAnchorPrefix, *key);
  word_anchors_.emplace(key_scratch_, anchors);
  return anchors;
}

TermId DocumentAnalyzer::concept_term(const std::string& english) {
  // The translator answers with its own stored strings, so the pointer is the key: no string is
  // built per word.
  if (auto found = concept_terms_.find(&english); found != concept_terms_.end()) return found->second;
  std::string term(kConceptPrefix);
  term += english;
  const TermId id = vocabulary_.id(term);
  concept_terms_.emplace(&english, id);
  return id;
}

TermId DocumentAnalyzer::anchor_term(std::string_view prefix, std::string_view key) {
  std::string term(prefix);
  term += key;
  return vocabulary_.id(term);
}

std::string analysis_language(const Document& document) {
  if (auto language = primary_language(field_view(document.language))) return *language;
  std::string sample = document.title.value_or("") + "\n";
  sample += text::utf8_prefix(field_view(document.text).empty() ? field_view(document.excerpt) : field_view(document.text),
                              2000);
  return text::detect_language(sample).value_or("en");
}

AnalyzedDocument DocumentAnalyzer::analyze(const Document& document) {
  AnalyzedDocument analyzed;
  analyzed.id = document.id;
  if (document.published) analyzed.day = published_day(*document.published);
  analyzed.language = analysis_language(document);
  // The one definition of a publisher; a document nothing identifies is no publisher's here.
  analyzed.publisher = publisher_key(document);
  if (analyzed.publisher.starts_with("id:")) analyzed.publisher.clear();
  text::Analyzer& analyzer = analyzer_for(analyzed.language);
  std::vector<WeightedTerm> title, body, names, anchors, concept_terms;
  std::vector<WeightedTerm>* concepts = options_.anchors ? &concept_terms : nullptr;
  // Headlines are in title case, so names are only looked for in running text.
  if (document.title) add_text(*document.title, 64, analyzer, title, nullptr, nullptr, concepts);
  const std::optional<std::string>& text = document.text && !document.text->empty() ? document.text : document.excerpt;
  if (text)
    add_text(*text, options_.max_body_words, analyzer, body, &names, options_.anchors ? &anchors : nullptr, concepts);
  analyzed.title = make_sparse(std::move(title));
  analyzed.body = make_sparse(std::move(body));
  analyzed.names = make_sparse(std::move(names));
  analyzed.anchors = make_sparse(std::move(anchors));
  analyzed.concepts = make_sparse(std::move(concept_terms));
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

bool has_too_little_signal(const AnalyzedDocument& document, const Vocabulary& vocabulary, size_t min_words) {
  size_t words = 0;
  // Stops at `min_words`: the usual document is decided by its first few terms.
  const auto count = [&](const SparseVector& block) {
    for (const WeightedTerm& entry : block) {
      if (words >= min_words) return;
      const std::string& term = vocabulary.term(entry.term);
      words += !term.empty() && !starts_with_digit(term);
    }
  };
  count(document.body);
  count(document.title);  // title words may repeat the body's: counted only when the body is short
  return words < min_words;
}

SparseVector distinct_terms(const AnalyzedDocument& document) {
  SparseVector all = add_scaled(add_scaled(add_scaled(document.body, document.title, 1.0f), document.names, 1.0f),
                                document.people, 1.0f);
  return add_scaled(add_scaled(all, document.anchors, 1.0f), document.concepts, 1.0f);
}

BlockVectors block_vectors(const AnalyzedDocument& document, const DocumentFrequencies& frequencies) {
  const uint64_t language_documents = frequencies.documents_in(document.language);
  const uint64_t all_documents = frequencies.documents();
  return {tfidf_vector(document.body, frequencies, language_documents),
          tfidf_vector(document.title, frequencies, language_documents),
          tfidf_vector(document.names, frequencies, all_documents),
          tfidf_vector(document.people, frequencies, all_documents)};
}

SparseVector anchor_vector(const AnalyzedDocument& document, const DocumentFrequencies& frequencies) {
  return tfidf_vector(document.anchors, frequencies, frequencies.documents());
}

SparseVector concept_vector(const AnalyzedDocument& document, const DocumentFrequencies& frequencies) {
  return tfidf_vector(document.concepts, frequencies, frequencies.documents());
}

SparseVector document_vector(const AnalyzedDocument& document, const DocumentFrequencies& frequencies,
                             const BlockShares& shares) {
  const float body_share = std::max(0.0f, 1.0f - shares.title - shares.names - shares.people);
  const BlockVectors blocks = block_vectors(document, frequencies);
  SparseVector vector;
  const std::pair<const SparseVector*, float> weighted[] = {{&blocks.body, body_share},
                                                            {&blocks.title, shares.title},
                                                            {&blocks.names, shares.names},
                                                            {&blocks.people, shares.people}};
  for (const auto& [block, share] : weighted) {
    if (block->empty() || share <= 0) continue;
    vector = add_scaled(vector, *block, std::sqrt(share));
  }
  normalize(vector);
  return vector;
}

}  // namespace storyline::cluster
