#include "storyline/cluster/term_vectors.h"

#include <algorithm>
#include <cmath>

namespace storyline::cluster {

TermId Vocabulary::id(std::string_view term) {
  if (auto found = ids_.find(term); found != ids_.end()) return found->second;
  const auto id = static_cast<TermId>(terms_.size());
  terms_.emplace_back(term);
  ids_.emplace(terms_.back(), id);
  return id;
}

void DocumentFrequencies::add_document(const SparseVector& term_counts, std::string_view language) {
  ++documents_;
  if (!language.empty()) {
    auto found = by_language_.find(language);
    if (found == by_language_.end()) found = by_language_.emplace(std::string(language), 0).first;
    ++found->second;
  }
  for (const WeightedTerm& entry : term_counts) {
    if (entry.term >= counts_.size()) counts_.resize(std::max<size_t>(entry.term + 1, counts_.size() * 3 / 2), 0);
    ++counts_[entry.term];
  }
}

float DocumentFrequencies::idf(TermId term, uint64_t documents) const {
  const double df = term < counts_.size() ? counts_[term] : 0;
  // A term shared across languages (a name, a number) can be in more documents than one language has.
  return static_cast<float>(std::max(0.0, std::log((1.0 + static_cast<double>(documents)) / (1.0 + df))) + 1.0);
}

uint64_t DocumentFrequencies::documents_in(std::string_view language) const {
  if (language.empty()) return documents_;
  const auto found = by_language_.find(language);
  return found == by_language_.end() ? documents_ : found->second;
}

SparseVector tfidf_vector(const SparseVector& term_counts, const DocumentFrequencies& frequencies, uint64_t documents) {
  if (documents == 0) documents = frequencies.documents();
  SparseVector vector;
  vector.reserve(term_counts.size());
  for (const WeightedTerm& entry : term_counts)
    vector.push_back({entry.term, std::log1p(entry.weight) * frequencies.idf(entry.term, documents)});
  normalize(vector);
  return vector;
}

SparseVector make_sparse(std::vector<WeightedTerm> terms) {
  std::sort(terms.begin(), terms.end(), [](const WeightedTerm& a, const WeightedTerm& b) { return a.term < b.term; });
  SparseVector merged;
  merged.reserve(terms.size());
  for (const WeightedTerm& entry : terms) {
    if (!merged.empty() && merged.back().term == entry.term) merged.back().weight += entry.weight;
    else merged.push_back(entry);
  }
  return merged;
}

float dot(const SparseVector& a, const SparseVector& b) {
  float sum = 0;
  auto i = a.begin(), j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (i->term < j->term) {
      ++i;
    } else if (j->term < i->term) {
      ++j;
    } else {
      sum += i->weight * j->weight;
      ++i;
      ++j;
    }
  }
  return sum;
}

float norm(const SparseVector& vector) {
  float sum = 0;
  for (const WeightedTerm& entry : vector) sum += entry.weight * entry.weight;
  return std::sqrt(sum);
}

void normalize(SparseVector& vector) {
  const float length = norm(vector);
  if (length <= 0) return;
  for (WeightedTerm& entry : vector) entry.weight /= length;
}

SparseVector add_scaled(const SparseVector& a, const SparseVector& b, float scale) {
  SparseVector sum;
  sum.reserve(a.size() + b.size());
  auto i = a.begin(), j = b.begin();
  while (i != a.end() || j != b.end()) {
    if (j == b.end() || (i != a.end() && i->term < j->term)) {
      sum.push_back(*i++);
    } else if (i == a.end() || j->term < i->term) {
      sum.push_back({j->term, j->weight * scale});
      ++j;
    } else {
      sum.push_back({i->term, i->weight + j->weight * scale});
      ++i;
      ++j;
    }
  }
  return sum;
}

namespace {
// Heavier first; equal weights by term, so that every selection is deterministic.
bool heavier(const WeightedTerm& a, const WeightedTerm& b) {
  return a.weight != b.weight ? a.weight > b.weight : a.term < b.term;
}
}  // namespace

void heaviest_into(const SparseVector& vector, size_t count, SparseVector& out) {
  out.clear();
  if (count == 0) return;
  // A few terms of many (the lookups' 10-12 of a centroid's 200): one pass keeping a sorted
  // shortlist costs less than copying and partially sorting the whole vector.
  for (const WeightedTerm& entry : vector) {
    if (out.size() == count && !heavier(entry, out.back())) continue;
    if (out.size() < count) out.push_back(entry);
    else out.back() = entry;
    for (size_t i = out.size() - 1; i > 0 && heavier(out[i], out[i - 1]); --i) std::swap(out[i], out[i - 1]);
  }
}

SparseVector heaviest(const SparseVector& vector, size_t count) {
  SparseVector chosen;
  if (vector.size() <= 2 * count || count > 32) {
    chosen = vector;
    if (chosen.size() > count) {
      std::nth_element(chosen.begin(), chosen.begin() + static_cast<std::ptrdiff_t>(count), chosen.end(), heavier);
      chosen.resize(count);
    }
    std::sort(chosen.begin(), chosen.end(), heavier);
    return chosen;
  }
  chosen.reserve(count);
  heaviest_into(vector, count, chosen);
  return chosen;
}

void keep_heaviest(SparseVector& vector, size_t count) {
  if (vector.size() <= count) return;
  // The first term left out marks the cut: every term heavier than it stays, in term order, so
  // the vector needs no sorting back.
  thread_local SparseVector scratch;
  scratch.assign(vector.begin(), vector.end());
  std::nth_element(scratch.begin(), scratch.begin() + static_cast<std::ptrdiff_t>(count), scratch.end(), heavier);
  const WeightedTerm cut = scratch[count];
  std::erase_if(vector, [&](const WeightedTerm& entry) { return !heavier(entry, cut); });
}

void keep_heaviest_unordered(std::vector<WeightedTerm>& terms, size_t count) {
  if (terms.size() > count) {
    std::nth_element(terms.begin(), terms.begin() + static_cast<std::ptrdiff_t>(count), terms.end(), heavier);
    terms.resize(count);
  }
  std::sort(terms.begin(), terms.end(), [](const WeightedTerm& a, const WeightedTerm& b) { return a.term < b.term; });
}

}  // namespace storyline::cluster
