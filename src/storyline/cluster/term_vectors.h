#pragma once
// Sparse TF-IDF vectors over an online vocabulary. Document frequencies grow as documents
// arrive, so a stream needs no pass over a corpus first.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storyline/core/string_map.h"

namespace storyline::cluster {

using TermId = uint32_t;

struct WeightedTerm {
  TermId term = 0;
  float weight = 0;
};

// Sorted by term, each term once.
using SparseVector = std::vector<WeightedTerm>;

// Term text <-> dense id.
class Vocabulary {
 public:
  TermId id(std::string_view term);
  size_t size() const { return terms_.size(); }
  const std::string& term(TermId id) const { return terms_[id]; }

 private:
  StringMap<TermId> ids_;
  std::vector<std::string> terms_;
};

// How many documents so far contained each term, and how many documents each language had.
class DocumentFrequencies {
 public:
  void add_document(const SparseVector& term_counts, std::string_view language = {});
  // Smoothed: ln((1 + N) / (1 + df)) + 1, so a term never seen is the rarest; N is all documents.
  float idf(TermId term) const { return idf(term, documents_); }
  // The same against `documents` (N) of one language; never below 1.
  float idf(TermId term, uint64_t documents) const;
  uint64_t documents() const { return documents_; }
  // Documents of `language` so far: a word's rarity is judged among the documents that could
  // contain it. In a stream where a language is 1 document in 200, its function words are in
  // every one of its documents yet rare overall, and would make any two of them look alike.
  // All documents when the language is empty or unseen.
  uint64_t documents_in(std::string_view language) const;

 private:
  std::vector<uint32_t> counts_;
  uint64_t documents_ = 0;
  StringMap<uint64_t> by_language_;
};

// Weighted counts (title words count more) to ln(1 + count) * idf, L2-normalised; `documents` is
// the N of the idf (DocumentFrequencies::documents_in), all documents when 0.
SparseVector tfidf_vector(const SparseVector& term_counts, const DocumentFrequencies& frequencies, uint64_t documents = 0);

// Sorts and sums repeated terms.
SparseVector make_sparse(std::vector<WeightedTerm> terms);

float dot(const SparseVector& a, const SparseVector& b);
float norm(const SparseVector& vector);
void normalize(SparseVector& vector);
// a + scale * b
SparseVector add_scaled(const SparseVector& a, const SparseVector& b, float scale);
// Keeps the `count` heaviest terms (still sorted by term).
void keep_heaviest(SparseVector& vector, size_t count);
// The same for terms in any order, each once: the heaviest kept, then sorted by term.
void keep_heaviest_unordered(std::vector<WeightedTerm>& terms, size_t count);
// The `count` heaviest terms, heaviest first.
SparseVector heaviest(const SparseVector& vector, size_t count);
// The same into a reused vector (for the hot lookups).
void heaviest_into(const SparseVector& vector, size_t count, SparseVector& out);

}  // namespace storyline::cluster
