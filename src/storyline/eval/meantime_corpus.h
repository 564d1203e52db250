#pragma once
// MEANTIME (../shared/data/clustering/meantime/<lang>/meantime.conll.gz): 120 Wikinews articles
// in English and their Spanish, Italian and Dutch translations, one token a line. Sentence 0 is
// the headline, sentence 1 the dateline ("June 13, 2005"; Dutch "13-Jun-05"), then the body.
#include <string>
#include <vector>

namespace storyline::eval {

struct MeantimeArticle {
  std::string id;        // corpus_<topic>/<Wikinews id>: the same in the four languages
  std::string title;     // sentence 0
  std::string dateline;  // sentence 1
  std::string body;      // sentences 2 on, one line, spaces put back as prose has them
};

// Throws std::runtime_error naming the file when it cannot be read.
std::vector<MeantimeArticle> read_meantime(const std::string& conll_gz_path);

// Tokens joined as prose writes them: no space before , . ; : ! ? ) % or 's, none after ( or $.
std::string join_tokens(const std::vector<std::string>& tokens);

}  // namespace storyline::eval
