#pragma once
// The baseline the online clusterer is measured against: offline agglomerative clustering of
// TF-IDF vectors (IDF from the whole collection), average link, cut at a cosine threshold.
// Quadratic memory and cubic time: for evaluation sets of a few thousand documents only.
#include <cstdint>
#include <vector>

#include "storyline/cluster/term_vectors.h"

namespace storyline::cluster {

struct DendrogramMerge {
  uint32_t left = 0;  // cluster ids: 0..n-1 are the documents, n+k the k-th merge
  uint32_t right = 0;
  float similarity = 0;  // average cosine between the two clusters' documents
};

// All n-1 merges (or fewer when what remains has similarity 0), most similar first.
std::vector<DendrogramMerge> average_link_dendrogram(const std::vector<SparseVector>& unit_vectors);

// Cluster number per document when merges below `threshold` are not made.
std::vector<uint32_t> cut_dendrogram(const std::vector<DendrogramMerge>& merges, size_t documents, float threshold);

}  // namespace storyline::cluster
