#include "storyline/cluster/storyline_linker.h"

#include <algorithm>
#include <iterator>

namespace storyline::cluster {
namespace {
constexpr uint32_t kNone = UINT32_MAX;
// Related storylines share places and parties, rarely their heaviest words: the lookup reads
// more of the centroid than placement does.
constexpr size_t kRelatedLookupTerms = 48;

// The `count` heaviest terms, sorted by term.
std::vector<TermId> heaviest_terms(const SparseVector& vector, size_t count) {
  std::vector<WeightedTerm> sorted(vector.begin(), vector.end());
  const size_t kept = std::min(count, sorted.size());
  std::partial_sort(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(kept), sorted.end(),
                    [](const WeightedTerm& a, const WeightedTerm& b) {
                      return a.weight > b.weight || (a.weight == b.weight && a.term < b.term);
                    });
  std::vector<TermId> terms;
  for (size_t i = 0; i < kept; ++i) terms.push_back(sorted[i].term);
  std::sort(terms.begin(), terms.end());
  return terms;
}

}  // namespace

bool StorylineLinker::shares_subject(const SparseVector& story, uint32_t storyline) const {
  return shares_subject(heaviest_terms(story, options_.subject_terms), storyline);
}

bool StorylineLinker::shares_subject(const std::vector<TermId>& a, uint32_t storyline) const {
  const auto b = heaviest_terms(storylines_.cluster(storyline).centroid, options_.subject_terms);
  std::vector<TermId> common;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
  return common.size() >= options_.min_shared_subject_terms;
}

StorylineLinker::StorylineLinker(StorylineOptions options) : options_(options), storylines_(options.clusters) {}

uint32_t StorylineLinker::root(uint32_t storyline) const {
  while (parent_[storyline] != storyline) storyline = parent_[storyline];
  return storyline;
}

std::optional<uint32_t> StorylineLinker::storyline_of(uint32_t story) const {
  if (story >= storyline_of_story_.size() || storyline_of_story_[story] == kNone) return std::nullopt;
  return root(storyline_of_story_[story]);
}

void StorylineLinker::merge_storylines(uint32_t a, uint32_t b, uint64_t clock) {
  a = root(a);
  b = root(b);
  if (a == b) return;
  // The larger absorbs the smaller; on a tie the older one, so ids stay put.
  const auto size_a = storylines_.cluster(a).size, size_b = storylines_.cluster(b).size;
  if (size_b > size_a || (size_b == size_a && b < a)) std::swap(a, b);
  storylines_.merge(a, b, clock);
  parent_[b] = a;
  merges_.emplace_back(b, a);
}

uint32_t StorylineLinker::restore(uint32_t story, const SparseVector& unit_centroid, const DayRange& days, uint64_t clock,
                                  std::optional<uint32_t> storyline) {
  if (story >= storyline_of_story_.size()) storyline_of_story_.resize(story + 1, kNone);
  if (storyline) {
    storylines_.add(*storyline, unit_centroid, days, clock);
  } else {
    storyline = storylines_.create(unit_centroid, days, clock);
    parent_.push_back(*storyline);
    founders_.push_back(story);
  }
  storyline_of_story_[story] = *storyline;
  return *storyline;
}

void StorylineLinker::place(uint32_t story, const SparseVector& unit_centroid, const DayRange& days, uint64_t clock) {
  if (story >= storyline_of_story_.size()) storyline_of_story_.resize(story + 1, kNone);
  if (storyline_of_story_[story] == kNone) {
    const auto match = storylines_.best_match(unit_centroid, days, clock);
    if (match && match->similarity >= options_.link_threshold && shares_subject(unit_centroid, match->cluster)) {
      storylines_.add(match->cluster, unit_centroid, days, clock);
      storyline_of_story_[story] = match->cluster;
    } else {
      const uint32_t created = storylines_.create(unit_centroid, days, clock);
      parent_.push_back(created);
      founders_.push_back(story);
      storyline_of_story_[story] = created;
    }
    return;
  }
  const uint32_t own = root(storyline_of_story_[story]);
  const auto match = storylines_.best_match(unit_centroid, days, clock, own);
  if (match && match->similarity >= options_.link_threshold && shares_subject(unit_centroid, match->cluster))
    merge_storylines(own, match->cluster, clock);
}

void StorylineLinker::stories_merged(uint32_t into, uint32_t from, uint64_t clock) {
  const auto a = storyline_of(into), b = storyline_of(from);
  if (a && b) merge_storylines(*a, *b, clock);
  else if (b && into < storyline_of_story_.size()) storyline_of_story_[into] = *b;
  else if (b) {
    storyline_of_story_.resize(into + 1, kNone);
    storyline_of_story_[into] = *b;
  }
}

std::vector<uint32_t> StorylineLinker::related(uint32_t storyline, uint64_t clock) {
  storyline = root(storyline);
  const Cluster& own = storylines_.cluster(storyline);
  SparseVector centroid = own.centroid;
  normalize(centroid);
  const std::vector<TermId> subject = heaviest_terms(centroid, options_.subject_terms);
  std::vector<uint32_t> found;
  for (const auto& match :
       storylines_.matches(centroid, own.days, clock, options_.related_threshold, storyline, {}, kRelatedLookupTerms)) {
    const uint32_t other = root(match.cluster);
    if (other != storyline && std::find(found.begin(), found.end(), other) == found.end() && shares_subject(subject, other))
      found.push_back(other);
  }
  return found;
}

size_t StorylineLinker::memory_bytes() const {
  return storylines_.memory_bytes() + (storyline_of_story_.capacity() + parent_.capacity() + founders_.capacity()) * 4;
}

}  // namespace storyline::cluster
