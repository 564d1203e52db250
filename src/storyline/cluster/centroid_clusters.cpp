#include "storyline/cluster/centroid_clusters.h"

#include <algorithm>
#include <cmath>

namespace storyline::cluster {

void DayRange::extend(const DayRange& other) {
  if (other.first && (!first || *other.first < *first)) first = other.first;
  if (other.last && (!last || *other.last > *last)) last = other.last;
}

uint32_t CentroidClusters::create(const SparseVector& unit_vector, const DayRange& days, uint64_t clock) {
  const auto id = static_cast<uint32_t>(clusters_.size());
  clusters_.emplace_back();
  clusters_.back().days = days;
  add(id, unit_vector, {}, clock);
  return id;
}

void CentroidClusters::add(uint32_t id, const SparseVector& unit_vector, const DayRange& days, uint64_t clock) {
  Cluster& cluster = clusters_[id];
  cluster.centroid = add_scaled(cluster.centroid, unit_vector, 1.0f);
  keep_heaviest(cluster.centroid, options_.centroid_terms);
  cluster.centroid_norm = norm(cluster.centroid);
  cluster.days.extend(days);
  ++cluster.size;
  cluster.last_growth = clock;
  update_gate(id);
  reindex(id);
}

void CentroidClusters::update_gate(uint32_t id) {
  if (gates_.size() <= id) gates_.resize(id + 1);
  const Cluster& cluster = clusters_[id];
  Gate& gate = gates_[id];
  gate.last_growth = cluster.last_growth;
  gate.alive = cluster.alive;
  gate.dated = cluster.days.first.has_value();
  gate.first = cluster.days.first.value_or(0);
  gate.last = cluster.days.last.value_or(0);
}

void CentroidClusters::rebuild(uint32_t id, const std::vector<const SparseVector*>& members,
                               const std::vector<DayRange>& days, uint64_t clock) {
  Cluster& cluster = clusters_[id];
  cluster.centroid.clear();
  cluster.days = {};
  cluster.size = 0;
  for (size_t i = 0; i < members.size(); ++i) {
    cluster.centroid = add_scaled(cluster.centroid, *members[i], 1.0f);
    cluster.days.extend(days[i]);
    ++cluster.size;
  }
  keep_heaviest(cluster.centroid, options_.centroid_terms);
  cluster.centroid_norm = norm(cluster.centroid);
  cluster.last_growth = clock;
  update_gate(id);
  reindex(id);
}

void CentroidClusters::merge(uint32_t into, uint32_t from, uint64_t clock) {
  Cluster& target = clusters_[into];
  Cluster& source = clusters_[from];
  target.centroid = add_scaled(target.centroid, source.centroid, 1.0f);
  keep_heaviest(target.centroid, options_.centroid_terms);
  target.centroid_norm = norm(target.centroid);
  target.days.extend(source.days);
  target.size += source.size;
  target.last_growth = clock;
  source.alive = false;
  source.centroid = {};
  source.centroid.shrink_to_fit();
  source.indexed_terms = {};
  source.indexed_terms.shrink_to_fit();
  update_gate(into);
  update_gate(from);
  reindex(into);
}

void CentroidClusters::reindex(uint32_t id) {
  Cluster& cluster = clusters_[id];
  // Bounded: a cluster whose heavy terms keep changing stops being listed under more.
  if (cluster.indexed_terms.size() >= 4 * options_.index_terms) return;
  heaviest_into(cluster.centroid, options_.index_terms, top_terms_);
  for (const WeightedTerm& entry : top_terms_) {
    auto position = std::lower_bound(cluster.indexed_terms.begin(), cluster.indexed_terms.end(), entry.term);
    if (position != cluster.indexed_terms.end() && *position == entry.term) continue;
    cluster.indexed_terms.insert(position, entry.term);
    index_.add(entry.term, id);
  }
}

float CentroidClusters::time_factor(const DayRange& a, const DayRange& b) const {
  if (!a.first && !b.first) return options_.both_undated_factor;
  // A date on one side only: the time could not be checked, so the words must say more.
  if (!a.first || !b.first) return options_.one_side_undated_factor;
  const double gap = std::max({0.0, static_cast<double>(*a.first) - *b.last, static_cast<double>(*b.first) - *a.last});
  if (gap <= options_.window_days) return 1.0f;
  return static_cast<float>(std::exp(-(gap - options_.window_days) / options_.decay_days));
}

float CentroidClusters::similarity(const SparseVector& unit_vector, const DayRange& days, uint32_t id) const {
  const Cluster& cluster = clusters_[id];
  if (cluster.centroid_norm <= 0) return 0;
  return dot(unit_vector, cluster.centroid) / cluster.centroid_norm * time_factor(days, cluster.days);
}

void CentroidClusters::scatter(const SparseVector& query) {
  if (!query.empty() && query.back().term >= dense_query_.size()) dense_query_.resize(query.back().term * 3 / 2 + 1024, 0);
  for (const WeightedTerm& entry : query) dense_query_[entry.term] = entry.weight;
}

void CentroidClusters::unscatter(const SparseVector& query) {
  for (const WeightedTerm& entry : query) dense_query_[entry.term] = 0;
}

float CentroidClusters::dense_dot(const SparseVector& centroid) const {
  float sum = 0;
  const size_t limit = dense_query_.size();
  for (const WeightedTerm& entry : centroid)
    if (entry.term < limit) sum += dense_query_[entry.term] * entry.weight;
  return sum;
}

std::vector<uint32_t> CentroidClusters::candidates(const SparseVector& unit_vector, const DayRange& days, uint64_t clock,
                                                   std::optional<uint32_t> exclude, size_t query_terms) {
  // Days beyond which the time factor is below exp(-3); only when the query is dated.
  const double reach = options_.window_days + 3 * options_.decay_days;
  const bool dated = days.first.has_value() && reach < 1e8;
  const int64_t earliest = dated ? static_cast<int64_t>(*days.first) - static_cast<int64_t>(reach) : 0;
  const int64_t latest = dated ? static_cast<int64_t>(*days.last) + static_cast<int64_t>(reach) : 0;
  if (stamp_.size() < clusters_.size()) {
    stamp_.resize(clusters_.size() * 3 / 2 + 16, 0);
    overlap_.resize(stamp_.size(), 0);
  }
  if (++query_stamp_ == 0) {  // wrapped: clear old stamps once
    std::fill(stamp_.begin(), stamp_.end(), 0);
    query_stamp_ = 1;
  }
  std::vector<uint32_t> found;
  heaviest_into(unit_vector, query_terms > 0 ? query_terms : options_.query_terms, top_terms_);
  for (const WeightedTerm& entry : top_terms_) {
    for (uint32_t id : index_.postings(entry.term)) {
      const Gate& gate = gates_[id];
      if (!gate.alive || (exclude && *exclude == id)) continue;
      if (clock > gate.last_growth + options_.retire_after) continue;
      // Too far in time to score: skipped, so that old clusters sharing a rare word do not fill
      // the candidate list.
      if (dated && gate.dated && (gate.last < earliest || gate.first > latest)) continue;
      if (stamp_[id] != query_stamp_) {
        stamp_[id] = query_stamp_;
        overlap_[id] = 0;
        found.push_back(id);
      }
      overlap_[id] += entry.weight;
    }
  }
  if (found.size() > options_.scored_candidates) {
    std::nth_element(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(options_.scored_candidates), found.end(),
                     [&](uint32_t a, uint32_t b) { return overlap_[a] != overlap_[b] ? overlap_[a] > overlap_[b] : a < b; });
    found.resize(options_.scored_candidates);
  }
  return found;
}

std::optional<CentroidClusters::Match> CentroidClusters::best_match(const SparseVector& unit_vector, const DayRange& days,
                                                                    uint64_t clock, std::optional<uint32_t> exclude) {
  std::optional<Match> best;
  for (const Match& match : matches(unit_vector, days, clock, -1.0f, exclude))
    if (!best || match.similarity > best->similarity) best = match;  // matches() is sorted: ties keep the older
  return best;
}

std::vector<CentroidClusters::Match> CentroidClusters::matches(const SparseVector& unit_vector, const DayRange& days,
                                                               uint64_t clock, float at_least,
                                                               std::optional<uint32_t> exclude,
                                                               std::span<const uint32_t> also, size_t query_terms) {
  std::vector<Match> result;
  std::vector<uint32_t> found = candidates(unit_vector, days, clock, exclude, query_terms);
  for (uint32_t id : also)
    if (id < clusters_.size() && clusters_[id].alive && std::find(found.begin(), found.end(), id) == found.end())
      found.push_back(id);
  if (found.empty()) return result;
  scatter(unit_vector);
  for (uint32_t id : found) {
    const Cluster& cluster = clusters_[id];
    if (cluster.centroid_norm <= 0) continue;
    const float score = dense_dot(cluster.centroid) / cluster.centroid_norm * time_factor(days, cluster.days);
    if (score >= at_least) result.push_back({id, score});
  }
  unscatter(unit_vector);
  std::sort(result.begin(), result.end(), [](const Match& a, const Match& b) {
    return a.similarity != b.similarity ? a.similarity > b.similarity : a.cluster < b.cluster;
  });
  return result;
}

size_t CentroidClusters::memory_bytes() const {
  size_t bytes = index_.memory_bytes() + clusters_.capacity() * sizeof(Cluster) + gates_.capacity() * sizeof(Gate) +
                 stamp_.capacity() * (sizeof(uint32_t) + sizeof(float));
  for (const Cluster& cluster : clusters_)
    bytes += cluster.centroid.capacity() * sizeof(WeightedTerm) + cluster.indexed_terms.capacity() * sizeof(TermId);
  return bytes;
}

}  // namespace storyline::cluster
