#pragma once
// MEANTIME (../shared/data/clustering/meantime): 120 English Wikinews articles and their Spanish,
// Italian and Dutch translations, as labelled documents for story clustering. The four
// translations of one article are one story (the same event in four languages: what cross-language
// clustering must put together); the corpus (airbus, apple, gm, stock) is the storyline (each
// spans years of one subject).
#include <string>
#include <vector>

#include "storyline/cluster/ecbplus_corpus.h"

namespace storyline::eval {

inline constexpr const char* kMeantimeLanguages[] = {"en", "es", "it", "nl"};

// The documents of one language's file (<folder>/<language>/meantime.conll.gz): sentence 0 is the
// title, sentence 1 the dateline (read into `published`; the Dutch "13-Jun-05" form too), the rest
// the text. Ids are "<language>:<corpus>/<article>". Throws std::runtime_error naming the file and
// line when it cannot be read.
std::vector<cluster::LabeledDocument> read_meantime(const std::string& folder, const std::string& language);

}  // namespace storyline::eval
