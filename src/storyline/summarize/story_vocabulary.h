#pragma once
// The words a story is about: index terms (text::Analyzer: folded, stop words out, stemmed) of
// all member titles and bodies, weighted by how many distinct publishers use them. A term every
// publisher writes is the story's core; a term one article uses is that article's detail.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storyline/core/document.h"
#include "storyline/text/tokenize.h"

namespace storyline::summarize {

class StoryVocabulary {
 public:
  explicit StoryVocabulary(const std::vector<Document>& articles);

  // Distinct index terms of a text, in the story's language.
  std::vector<std::string> terms(std::string_view text);
  // Centrality of a term: publishers using it, plus a little for frequency and for title use.
  double weight(const std::string& term) const;
  double max_weight() const { return max_weight_; }
  size_t publisher_count() const { return publisher_count_; }

 private:
  struct TermStats {
    size_t publishers = 0;
    size_t count = 0;
    bool in_title = false;
    std::string last_publisher;  // articles are scanned in order: counts a publisher once
  };
  text::Analyzer analyzer_;
  std::unordered_map<std::string, TermStats> stats_;
  size_t publisher_count_ = 0;
  double max_weight_ = 1;
};

// Cosine similarity of two distinct-term lists (each term once).
double term_overlap(const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace storyline::summarize
