#include "storyline/eval/agglomerative_baseline.h"

#include <numeric>

namespace storyline::cluster {

std::vector<DendrogramMerge> average_link_dendrogram(const std::vector<SparseVector>& unit_vectors) {
  const size_t n = unit_vectors.size();
  std::vector<float> similarity(n * n, 0);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) similarity[i * n + j] = similarity[j * n + i] = dot(unit_vectors[i], unit_vectors[j]);
  std::vector<uint32_t> size(n, 1), label(n);
  std::iota(label.begin(), label.end(), 0);
  std::vector<bool> active(n, true);
  std::vector<DendrogramMerge> merges;
  uint32_t next_label = static_cast<uint32_t>(n);
  for (size_t step = 0; step + 1 < n; ++step) {
    // Lance-Williams with a full scan per step: O(n^3), fine for ~1000 documents.
    float best = 0;
    size_t best_i = n, best_j = n;
    for (size_t i = 0; i < n; ++i) {
      if (!active[i]) continue;
      for (size_t j = i + 1; j < n; ++j)
        if (active[j] && similarity[i * n + j] > best) {
          best = similarity[i * n + j];
          best_i = i;
          best_j = j;
        }
    }
    if (best_i == n) break;
    merges.push_back({label[best_i], label[best_j], best});
    const float weight_i = static_cast<float>(size[best_i]), weight_j = static_cast<float>(size[best_j]);
    for (size_t k = 0; k < n; ++k) {
      if (!active[k] || k == best_i || k == best_j) continue;
      const float merged = (weight_i * similarity[k * n + best_i] + weight_j * similarity[k * n + best_j]) /
                           (weight_i + weight_j);
      similarity[k * n + best_i] = similarity[best_i * n + k] = merged;
    }
    size[best_i] += size[best_j];
    active[best_j] = false;
    label[best_i] = next_label++;
  }
  return merges;
}

std::vector<uint32_t> cut_dendrogram(const std::vector<DendrogramMerge>& merges, size_t documents, float threshold) {
  // Union-find over dendrogram labels; merges are applied in order while similar enough.
  std::vector<uint32_t> parent(documents + merges.size());
  std::iota(parent.begin(), parent.end(), 0);
  const auto find = [&](uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (size_t k = 0; k < merges.size(); ++k) {
    if (merges[k].similarity < threshold) continue;
    const auto merged = static_cast<uint32_t>(documents + k);
    parent[find(merges[k].left)] = merged;
    parent[find(merges[k].right)] = merged;
  }
  std::vector<uint32_t> cluster(documents);
  for (size_t i = 0; i < documents; ++i) cluster[i] = find(static_cast<uint32_t>(i));
  return cluster;
}

}  // namespace storyline::cluster
