#pragma once
// Online clusters of unit vectors, each summarised by its centroid, found again through an
// inverted index over the centroids' heaviest terms. Stories (clusters of documents) and
// storylines (clusters of stories) are both built on it.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "storyline/cluster/inverted_index.h"
#include "storyline/cluster/term_vectors.h"

namespace storyline::cluster {

struct DayRange {
  std::optional<int32_t> first;
  std::optional<int32_t> last;
  void extend(const DayRange& other);
};

struct ClusterOptions {
  size_t centroid_terms = 200;    // a centroid keeps its heaviest terms only: memory per cluster is bounded
  size_t index_terms = 12;        // a cluster is listed under its heaviest centroid terms
  size_t query_terms = 12;        // a query looks up its heaviest terms
  size_t max_postings = 16;       // newest clusters kept per term (16-32): bounds the cost of a lookup
  size_t scored_candidates = 16;  // candidates (by shared heavy terms) that get a full cosine
  // No time penalty within `window_days`; beyond it similarity decays by exp(-extra / decay_days).
  // Only when both sides have a date.
  double window_days = 1e9;
  double decay_days = 1;
  // Similarity is multiplied by this when one side has a date and the other has none...
  float one_side_undated_factor = 1.0f;
  // ...and by this when neither has.
  float both_undated_factor = 1.0f;
  // Clusters that have not grown for this many arrivals are no longer matched (they stay as
  // they are); it keeps the candidate lists made of live clusters.
  uint64_t retire_after = 100000;
};

struct Cluster {
  SparseVector centroid;  // sum of the members' unit vectors (heaviest terms)
  float centroid_norm = 0;
  uint32_t size = 0;
  DayRange days;
  uint64_t last_growth = 0;           // clock value when a member last joined
  std::vector<TermId> indexed_terms;  // sorted
  bool alive = true;                  // false once merged into another
};

class CentroidClusters {
 public:
  explicit CentroidClusters(ClusterOptions options = {}) : options_(options), index_(options.max_postings) {}

  // The stream decides it (StoryOptions::dated_stream_share), so it may change between batches.
  void set_both_undated_factor(float factor) { options_.both_undated_factor = factor; }

  uint32_t create(const SparseVector& unit_vector, const DayRange& days, uint64_t clock);
  void add(uint32_t cluster, const SparseVector& unit_vector, const DayRange& days, uint64_t clock);
  // Rebuilds a cluster from the given members (after a split): centroid, size and days.
  void rebuild(uint32_t cluster, const std::vector<const SparseVector*>& members, const std::vector<DayRange>& days,
               uint64_t clock);
  // `from` joins `into` and is no longer alive.
  void merge(uint32_t into, uint32_t from, uint64_t clock);

  struct Match {
    uint32_t cluster = 0;
    float similarity = 0;
  };
  // The most similar live, unretired cluster other than `exclude`, if any shares a heavy term.
  std::optional<Match> best_match(const SparseVector& unit_vector, const DayRange& days, uint64_t clock,
                                  std::optional<uint32_t> exclude = std::nullopt);
  // Every candidate scored (for repair passes): similarity above `at_least`.
  // `also` are scored too (once each) when the index did not find them; `query_terms` (when not
  // 0) looks up more of the vector's terms than the options say, for a wider search.
  std::vector<Match> matches(const SparseVector& unit_vector, const DayRange& days, uint64_t clock, float at_least,
                             std::optional<uint32_t> exclude = std::nullopt, std::span<const uint32_t> also = {},
                             size_t query_terms = 0);
  // Cosine of the vector with the cluster's centroid, times the time decay.
  float similarity(const SparseVector& unit_vector, const DayRange& days, uint32_t cluster) const;
  float time_factor(const DayRange& a, const DayRange& b) const;

  const Cluster& cluster(uint32_t id) const { return clusters_[id]; }
  size_t size() const { return clusters_.size(); }
  size_t memory_bytes() const;

 private:
  void reindex(uint32_t cluster);
  void update_gate(uint32_t cluster);
  std::vector<uint32_t> candidates(const SparseVector& unit_vector, const DayRange& days, uint64_t clock,
                                   std::optional<uint32_t> exclude, size_t query_terms);

  ClusterOptions options_;
  InvertedIndex index_;
  std::vector<Cluster> clusters_;
  // What a candidate scan checks before counting a cluster, packed apart from the centroids so
  // that the scan over postings stays in cache.
  struct Gate {
    uint64_t last_growth = 0;
    int32_t first = 0, last = 0;  // days, when dated
    bool dated = false;
    bool alive = false;
  };
  std::vector<Gate> gates_;
  // Scratch for candidate counting, indexed by cluster: a stamp marks this query's entries.
  // The query scattered by term, so each candidate's cosine is one pass over its centroid.
  std::vector<float> dense_query_;
  float dense_dot(const SparseVector& centroid) const;
  void scatter(const SparseVector& query);
  void unscatter(const SparseVector& query);
  SparseVector top_terms_;  // scratch for a vector's heaviest terms
  std::vector<uint32_t> stamp_;
  std::vector<float> overlap_;
  uint32_t query_stamp_ = 0;
};

}  // namespace storyline::cluster
