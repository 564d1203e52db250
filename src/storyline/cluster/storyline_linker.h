#pragma once
// Stories to storylines: a story joins the storyline whose stories' centroid it resembles
// (a lower bar than for a story, and time barely matters: a subject develops over years).
// Storylines only ever grow or merge, so a link once made holds.
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "storyline/cluster/centroid_clusters.h"

namespace storyline::cluster {

struct StorylineOptions {
  float link_threshold = 0.18f;
  // Below the link, storylines this similar are related (shown side by side, kept apart): a
  // neighbouring subject with the same places and parties (Pakistan's talks with the Taliban
  // next to the United States'). The lowest at which 2 of 3 related links on ECB+ stay within one
  // of its topics (`storyline eval clustering` prints the share; 0.08 gave 0.41); MEANTIME, held
  // out, keeps 0.97.
  float related_threshold = 0.12f;
  // Linked or related only when they share the subject, not a word or two: at least this many of
  // the heaviest `subject_terms` terms of each side in common (a study of tsunamis was related to
  // talks with the Taliban by one shared place name).
  size_t min_shared_subject_terms = 3;
  size_t subject_terms = 40;
  ClusterOptions clusters{.window_days = 3650, .decay_days = 3650};
};

class StorylineLinker {
 public:
  explicit StorylineLinker(StorylineOptions options = {});
  // A new story, or one that grew: places it, or links its storyline to a closer one.
  void place(uint32_t story, const SparseVector& unit_centroid, const DayRange& days, uint64_t clock);
  // After a restart: the story joins `storyline` as it was stored, or starts one (nullopt).
  // Returns its storyline.
  uint32_t restore(uint32_t story, const SparseVector& unit_centroid, const DayRange& days, uint64_t clock,
                   std::optional<uint32_t> storyline);
  // Two stories became one: so do their storylines.
  void stories_merged(uint32_t into, uint32_t from, uint64_t clock);
  // nullopt for a story never placed.
  std::optional<uint32_t> storyline_of(uint32_t story) const;
  // Other storylines (roots) related to this one, most similar first.
  std::vector<uint32_t> related(uint32_t storyline, uint64_t clock);
  // The story that started the storyline.
  uint32_t founding_story(uint32_t storyline) const { return founders_[storyline]; }
  size_t storyline_count() const { return parent_.size(); }
  // Storylines absorbed since the last call: (absorbed, absorbing), both roots when merged.
  std::vector<std::pair<uint32_t, uint32_t>> take_merges() { return std::exchange(merges_, {}); }
  size_t memory_bytes() const;

 private:
  uint32_t root(uint32_t storyline) const;
  bool shares_subject(const SparseVector& story, uint32_t storyline) const;
  bool shares_subject(const std::vector<TermId>& heaviest_story_terms, uint32_t storyline) const;
  void merge_storylines(uint32_t a, uint32_t b, uint64_t clock);

  StorylineOptions options_;
  CentroidClusters storylines_;
  std::vector<uint32_t> storyline_of_story_;  // raw; kNone when not placed
  std::vector<uint32_t> parent_;              // union-find over storylines
  std::vector<uint32_t> founders_;
  std::vector<std::pair<uint32_t, uint32_t>> merges_;
};

}  // namespace storyline::cluster
