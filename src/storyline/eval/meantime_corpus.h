#pragma once
// MEANTIME (../shared/data/clustering/meantime/<lang>/meantime.conll.gz): 120 Wikinews articles
// in English and their Spanish, Italian and Dutch translations, one token a line. Sentence 0 is
// the headline, sentence 1 the dateline ("June 13, 2005"; Dutch "13-Jun-05"), then the body.
//
// For story clustering the four translations of one article are one story (the same event in four
// languages: what cross-language clustering must put together) and the corpus (airbus, apple, gm,
// stock) the storyline (each spans years of one subject).
#include <string>
#include <vector>

#include "storyline/eval/ecbplus_corpus.h"

namespace storyline::eval {

inline constexpr const char* kMeantimeLanguages[] = {"en", "es", "it", "nl"};

// One annotated mention of an entity or event (the fifth column's chains).
struct MeantimeMention {
  std::string chain;  // the chain id ("cross_intra_ORG37154720130514282"): mentions of one instance
  std::string type;   // PER, ORG, LOC, PRO, FIN (entities); OTH, SPE, GRA (events)
  std::string text;   // its tokens, joined as prose writes them
  int sentence = 0;   // 0 is the headline
};

struct MeantimeArticle {
  std::string id;        // corpus_<topic>/<Wikinews id>: the same in the four languages
  std::string title;     // sentence 0
  std::string dateline;  // sentence 1
  std::string body;      // sentences 2 on, one line, spaces put back as prose has them
  std::vector<MeantimeMention> mentions;
};

// Throws std::runtime_error naming the file when it cannot be read.
std::vector<MeantimeArticle> read_meantime(const std::string& conll_gz_path);

// One language's articles (<folder>/<language>/meantime.conll.gz) as labelled documents: the
// dateline read into `published` (the Dutch "13-Jun-05" form too), the body as text, ids
// "<language>:<article id>". Throws std::runtime_error naming the file when it cannot be read.
std::vector<cluster::LabeledDocument> read_meantime_documents(const std::string& folder, const std::string& language);

// Tokens joined as prose writes them: no space before , . ; : ! ? ) % or 's, none after ( or $.
std::string join_tokens(const std::vector<std::string>& tokens);

}  // namespace storyline::eval
