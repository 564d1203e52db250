// Over 500 lines as one piece: placing a document, the repair passes (merge, split, fragments,
// across languages) and restore all work on the clusterer's private state (members, stories,
// storylines, anchors, publishers); split apart, that state would have to be exposed to each.
#include "storyline/cluster/story_clusterer.h"

#include "storyline/cluster/cross_script_key.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <span>
#include <unordered_map>

#include "storyline/core/hash.h"
#include "storyline/core/iso_day.h"

namespace storyline::cluster {

StoryClusterer::StoryClusterer(StoryOptions options)
    : options_(options),
      stories_(options_.clusters),
      members_(options_.members),
      anchors_(options_.anchors),
      storylines_(options.storylines) {}

uint32_t StoryClusterer::language_id(const std::string& language) {
  return language_ids_.try_emplace(language, static_cast<uint32_t>(language_ids_.size())).first->second;
}

namespace {
void count_language(std::vector<std::pair<uint32_t, uint32_t>>& counts, uint32_t language, uint32_t count) {
  for (auto& entry : counts)
    if (entry.first == language) {
      entry.second += count;
      return;
    }
  counts.emplace_back(language, count);
}
}  // namespace

uint32_t StoryClusterer::main_language(uint32_t story) const {
  std::pair<uint32_t, uint32_t> main{0, 0};
  for (const auto& [language, count] : story_languages_[story])
    if (count > main.second || (count == main.second && language < main.first)) main = {language, count};
  return main.first;
}

SparseVector StoryClusterer::unit_anchors(const AnalyzedDocument& document, const SparseVector& vector) const {
  if (options_.cross_language_merge <= 0 || vector.empty()) return {};
  // Names and numbers, and translated words, are two blocks weighed as wholes (as a document's
  // blocks are): a report with many translated words must not drown its names, and a language the
  // translations do not know still meets others by its names.
  // A stream of one language so far compares no anchors: its translated words would only cost.
  SparseVector names = anchor_vector(document, frequencies_);
  SparseVector concepts = language_ids_.size() < 2 ? SparseVector{} : concept_vector(document, frequencies_);
  keep_heaviest(names, options_.document_anchor_terms);
  keep_heaviest(concepts, options_.document_concept_terms);
  normalize(names);
  normalize(concepts);
  if (concepts.empty() || names.empty()) return names.empty() ? concepts : names;
  return add_scaled(add_scaled({}, names, std::sqrt(1 - options_.concept_share)), concepts,
                    std::sqrt(options_.concept_share));
}

uint32_t StoryClusterer::root_story(uint32_t story) const {
  while (story_parent_[story] != story) story = story_parent_[story];
  return story;
}

uint32_t StoryClusterer::new_story(const SparseVector& vector, const SparseVector& anchors, const DayRange& days,
                                   uint64_t clock, std::string name) {
  const uint32_t story = stories_.create(vector, days, clock);
  anchors_.create(anchors, days, clock);  // the same ids as stories_
  story_languages_.emplace_back();
  story_parent_.push_back(story);
  is_touched_.push_back(false);
  story_members_.emplace_back();
  fragment_state_.push_back(kNotWatched);
  // Names stay unique even when a document that named one story later starts another half.
  if (story_by_name_.contains(name)) {
    std::string base = name;
    for (size_t n = 2; story_by_name_.contains(name); ++n) name = base + "-" + std::to_string(n);
  }
  story_by_name_.emplace(name, story);
  story_names_.push_back(std::move(name));
  return story;
}

bool StoryClusterer::grown_since_last_look(std::vector<uint32_t>& size_at_last_look, uint32_t story, size_t size) {
  if (size_at_last_look.size() <= story) size_at_last_look.resize(story + 1, 0);
  const uint32_t last = size_at_last_look[story];
  if (last > 0 && static_cast<float>(size) < static_cast<float>(last) * (1 + options_.split_recheck_growth)) return false;
  size_at_last_look[story] = static_cast<uint32_t>(size);
  return true;
}

void StoryClusterer::watch_as_fragment(uint32_t story, uint64_t clock, bool look_soon) {
  if (options_.fragment_watch == 0) return;
  young_stories_.push_back({story, clock});
  fragment_state_[story] = look_soon ? kNearGrowingStory : kWatched;
}

void StoryClusterer::mark_story_changed(uint32_t story) { changed_stories_.push_back(story); }

void StoryClusterer::place_in_storyline(uint32_t story, uint64_t clock) {
  // A placed story is looked at again once it has grown (as for splits): its centroid moves
  // little before that.
  if (!grown_since_last_look(placed_at_size_, story, stories_.cluster(story).size)) return;
  const size_t before = storylines_.storyline_count();
  storylines_.place(story, storyline_vector(story), stories_.cluster(story).days, clock);
  if (storylines_.storyline_count() > before) {
    const std::string& name = story_names_[story];
    storyline_names_.push_back(founded_storyline_id(name));
  }
  for (const auto& [absorbed, absorbing] : storylines_.take_merges())
    merged_storylines_.emplace_back(storyline_names_[absorbed], storyline_names_[absorbing]);
}

bool StoryClusterer::replay(const std::vector<RestoredDocument>& restored) {
  // Terms the analyzer gave the documents keep their ids whatever happens below.
  Vocabulary vocabulary = vocabulary_;
  for (const RestoredDocument& entry : restored) add_batch({entry.document});
  bool same = true;
  for (size_t i = 0; i < restored.size() && same; ++i)
    same = story_id(i) == restored[i].story_id && storyline_id(i) == restored[i].storyline_id;
  if (same) {
    take_changes();  // nothing to write: the store has it all
    return true;
  }
  *this = StoryClusterer(options_);
  vocabulary_ = std::move(vocabulary);
  return false;
}

void StoryClusterer::restore(std::vector<RestoredDocument> restored) {
  // The exact way first: the documents placed again one at a time, in their order, as the process
  // that stored them placed them (`worker cluster` and `serve` place one write at a time). When that
  // names every document's story and storyline as stored, this clusterer is in the very state that
  // process was in, down to the fragments it watched and when it last checked each story for a
  // merge or split: a standby that takes over goes on as the worker it replaces would have. When not
  // (writes of several documents, removals, an earlier build), or when the store is too large to
  // place again quickly, the stories are re-created as stored, below.
  if (documents_.empty() && !restored.empty() && restored.size() <= options_.replay_max_documents && replay(restored))
    return;
  std::unordered_map<std::string, uint32_t> storyline_by_name;
  std::vector<std::string> storyline_of_story;  // by story, for restored stories
  for (size_t i = 0; i < storyline_names_.size(); ++i)
    storyline_by_name.emplace(storyline_names_[i], static_cast<uint32_t>(i));
  std::vector<uint32_t> restored_stories;
  std::vector<uint64_t> created_at;  // by story: the clock of its first document
  for (RestoredDocument& entry : restored) {
    // Each document is weighed as it was when it came (add_batch, one write at a time): with the
    // document frequencies of the documents before it and itself, not of the whole store, so that
    // the centroids a standby rebuilds are those the worker it replaces had.
    frequencies_.add_document(distinct_terms(entry.document), entry.document.language);
    note_date(entry.document);
    update_undated_factor();
    const size_t document = documents_.size();
    const uint32_t language = language_id(entry.document.language);
    const SparseVector vector = vector_of(entry.document);
    const DayRange days{entry.document.day, entry.document.day};
    const uint64_t clock = document + 1;
    const SparseVector anchors = unit_anchors(entry.document, vector);
    documents_.push_back({std::move(entry.document.id), publisher_id(entry.document.publisher), 0, 0, language});
    document_anchors_.push_back(anchors);
    auto found = story_by_name_.find(entry.story_id);
    uint32_t story;
    if (found == story_by_name_.end()) {
      story = new_story(vector, anchors, days, clock, entry.story_id);
      restored_stories.push_back(story);
      if (storyline_of_story.size() <= story) storyline_of_story.resize(story + 1);
      storyline_of_story[story] = entry.storyline_id;
      if (created_at.size() <= story) created_at.resize(story + 1, 0);
      created_at[story] = clock;
    } else {
      story = root_story(found->second);
      stories_.add(story, vector, days, clock);
      anchors_.add(story, anchors, days, clock);
    }
    count_language(story_languages_[story], documents_[document].language, 1);
    story_members_[story].push_back(static_cast<uint32_t>(document));
    documents_[document].story = story;
    documents_[document].member = members_.create(vector, days, clock);
    document_of_member_.push_back(static_cast<uint32_t>(document));
  }
  const uint64_t clock = documents_.size();
  for (uint32_t story : restored_stories) {
    if (split_checked_at_.size() <= story) split_checked_at_.resize(story + 1, 0);
    split_checked_at_[story] = static_cast<uint32_t>(story_members_[story].size());
    // Fragments still young are watched again, as the worker that made them watched them: one that
    // its event's story would take in is absorbed in a later pass (else a takeover left it alone).
    const uint64_t created = created_at[story];
    if (stories_.cluster(story).size <= options_.fragment_max_size && clock - created <= options_.fragment_watch &&
        story_names_[story] == story_id_founded_by(documents_[story_members_[story].front()].id))
      watch_as_fragment(story, created);
    const std::string& name = storyline_of_story[story];
    auto found = storyline_by_name.find(name);
    std::optional<uint32_t> storyline;
    if (found != storyline_by_name.end()) storyline = found->second;
    const uint32_t placed = storylines_.restore(story, storyline_vector(story), stories_.cluster(story).days, clock,
                                                storyline);
    if (!storyline) {
      storyline_names_.push_back(name);
      storyline_by_name.emplace(name, placed);
    }
  }
}

bool StoryClusterer::rename_document(const std::string& from, const std::string& to) {
  for (size_t i = documents_.size(); i-- > 0;)
    if (documents_[i].id == from) {
      documents_[i].id = to;
      return true;
    }
  return false;
}

ClusterChanges StoryClusterer::take_changes() {
  ClusterChanges changes;
  std::sort(changed_documents_.begin(), changed_documents_.end());
  changed_documents_.erase(std::unique(changed_documents_.begin(), changed_documents_.end()), changed_documents_.end());
  changes.documents = std::exchange(changed_documents_, {});
  std::vector<uint32_t> stories;
  for (uint32_t story : changed_stories_)
    if (stories_.cluster(story).alive) stories.push_back(story);
  std::sort(stories.begin(), stories.end());
  stories.erase(std::unique(stories.begin(), stories.end()), stories.end());
  for (uint32_t story : stories) changes.stories.push_back(story_names_[story]);
  changed_stories_.clear();
  changes.removed_stories = std::exchange(removed_stories_, {});
  changes.merged_storylines = std::exchange(merged_storylines_, {});
  return changes;
}

SparseVector StoryClusterer::storyline_vector(uint32_t story) const {
  // A subject develops with new people in it: the people block tells events apart, not subjects.
  SparseVector centroid = stories_.cluster(story).centroid;
  std::erase_if(centroid,
                [&](const WeightedTerm& entry) { return vocabulary_.term(entry.term).starts_with(kPersonPrefix); });
  normalize(centroid);
  return centroid;
}

SparseVector StoryClusterer::unit_centroid(uint32_t story) const {
  SparseVector centroid = stories_.cluster(story).centroid;
  normalize(centroid);
  return centroid;
}

SparseVector StoryClusterer::vector_of(const AnalyzedDocument& document) const {
  // An empty vector is similar to nothing: the document stays a story of its own.
  if (has_too_little_signal(document, vocabulary_, options_.min_signal_words)) return {};
  return document_vector(document, frequencies_, options_.shares);
}

void StoryClusterer::update_undated_factor() {
  const double seen = double(dated_documents_ + undated_documents_);
  dated_stream_ = seen > 0 && double(dated_documents_) >= options_.dated_stream_share * seen;
  stories_.set_both_undated_factor(dated_stream_ ? options_.both_undated_factor : 1.0f);
  members_.set_both_undated_factor(dated_stream_ ? options_.both_undated_factor : 1.0f);
  anchors_.set_both_undated_factor(dated_stream_ ? options_.anchors.one_side_undated_factor : 1.0f);
}

void StoryClusterer::add_batch(std::vector<AnalyzedDocument> batch) {
  for (const AnalyzedDocument& document : batch) {
    frequencies_.add_document(distinct_terms(document), document.language);
    note_date(document);
  }
  update_undated_factor();
  std::vector<size_t> order(batch.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto key = [&](size_t i) {
    const AnalyzedDocument& document = batch[i];
    return std::make_tuple(document.day.value_or(std::numeric_limits<int32_t>::max()), fnv1a64(document.id),
                           std::string_view(document.id));
  };
  // Documents with equal keys (the same id and date) are interchangeable, so a stable sort is
  // enough for the result not to depend on the input order.
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key(a) < key(b); });
  const size_t first = documents_.size();
  documents_.resize(first + batch.size());
  document_anchors_.resize(first + batch.size());
  uint64_t clock = first;
  for (size_t i : order) {
    documents_[first + i].id = std::move(batch[i].id);
    AnalyzedDocument& document = batch[i];
    const uint32_t publisher = documents_[first + i].publisher = publisher_id(document.publisher);
    documents_[first + i].language = language_id(document.language);
    const SparseVector vector = vector_of(document);
    const SparseVector& anchors = document_anchors_[first + i] = unit_anchors(document, vector);
    const DayRange days{document.day, document.day};
    ++clock;
    const auto match = best_story(vector, days, clock, publisher, std::nullopt, &near_stories_);
    uint32_t story;
    if (match && match->similarity >= options_.join_threshold) {
      story = match->cluster;
      stories_.add(story, vector, days, clock);
      anchors_.add(story, anchors, days, clock);
      // A fragment this close to a document that joined another story may belong to that story
      // now: it is looked at in the next repair pass.
      for (const auto& [other, similarity] : near_stories_)
        if (other != story && similarity >= options_.fragment_nearness && fragment_state_[other] == kWatched)
          fragment_state_[other] = kNearGrowingStory;
    } else {
      story = new_story(vector, anchors, days, clock, story_id_founded_by(documents_[first + i].id));
      watch_as_fragment(story, clock);
    }
    count_language(story_languages_[story], documents_[first + i].language, 1);
    story_members_[story].push_back(static_cast<uint32_t>(first + i));
    documents_[first + i].member = members_.create(vector, days, clock);
    document_of_member_.push_back(static_cast<uint32_t>(first + i));
    documents_[first + i].story = story;
    changed_documents_.push_back(first + i);
    if (!is_touched_[story]) {
      is_touched_[story] = true;
      touched_.push_back(story);
    }
    if (++since_repair_ >= options_.repair_every) repair();
  }
  repair();
}

namespace {
// Members looked at for their publishers: the last added only (after a merge, the absorbed
// story's), so that the cost per candidate stays bounded however large the story.
constexpr size_t kLooked = 16;
}  // namespace

uint32_t StoryClusterer::publisher_id(const std::string& publisher) {
  if (publisher.empty()) return 0;
  return publisher_ids_.try_emplace(publisher, static_cast<uint32_t>(publisher_ids_.size() + 1)).first->second;
}

std::span<const uint32_t> StoryClusterer::last_added_members(uint32_t story) const {
  const std::vector<uint32_t>& members = story_members_[story];
  return std::span<const uint32_t>(members).last(std::min(members.size(), kLooked));
}

float StoryClusterer::publisher_factor(uint32_t story, uint32_t publisher) const {
  if (publisher == 0 || options_.same_publisher_factor >= 1) return 1;
  const auto members = last_added_members(story);
  size_t same = 0;
  for (uint32_t member : members) same += documents_[member].publisher == publisher;
  if (same == 0) return 1;
  const float share = static_cast<float>(same) / static_cast<float>(members.size());
  return 1 - (1 - options_.same_publisher_factor) * share;
}

float StoryClusterer::publisher_overlap_factor(uint32_t a, uint32_t b) const {
  if (options_.same_publisher_factor >= 1) return 1;
  // The chance that a last-added member of one and one of the other share a publisher.
  const auto from_a = last_added_members(a), from_b = last_added_members(b);
  if (from_a.empty() || from_b.empty()) return 1;
  size_t same = 0;
  for (uint32_t x : from_a)
    for (uint32_t y : from_b) same += documents_[x].publisher != 0 && documents_[x].publisher == documents_[y].publisher;
  const float overlap = static_cast<float>(same) / static_cast<float>(from_a.size() * from_b.size());
  return 1 - (1 - options_.same_publisher_factor) * overlap;
}

bool StoryClusterer::time_checked(const DayRange& days, uint32_t story) const {
  return !dated_stream_ || (days.first && stories_.cluster(story).days.first);
}

float StoryClusterer::cohesion(uint32_t story) const {
  // The centroid is the sum of the members' unit vectors (heaviest terms kept), so its length over
  // the member count is their mean cosine with it; a single document has nothing to compare.
  const auto& cluster = stories_.cluster(story);
  return cluster.size >= 2 ? cluster.centroid_norm / static_cast<float>(cluster.size) : 0.0f;
}

std::optional<CentroidClusters::Match> StoryClusterer::best_story(const SparseVector& vector, const DayRange& days,
                                                                  uint64_t clock, uint32_t publisher,
                                                                  std::optional<uint32_t> exclude, NearStories* near) {
  // Nearest members first: their stories are candidates even when the centroid lookup misses.
  NearStories own;
  NearStories& nearest = near ? *near : own;  // story, best member similarity
  nearest.clear();
  for (const auto& member : members_.matches(vector, days, clock, 0.0f)) {
    const StoredDocument& other = documents_[document_of_member_[member.cluster]];
    const uint32_t story = root_story(other.story);
    if (exclude && story == *exclude) continue;
    const float similarity = publisher != 0 && other.publisher == publisher
                                 ? member.similarity * options_.same_publisher_factor
                                 : member.similarity;
    auto found = std::find_if(nearest.begin(), nearest.end(), [&](const auto& entry) { return entry.first == story; });
    if (found == nearest.end()) nearest.emplace_back(story, similarity);
    else found->second = std::max(found->second, similarity);
  }
  std::vector<uint32_t> nearest_stories;
  for (const auto& entry : nearest) nearest_stories.push_back(entry.first);
  // The nearest members' stories are scored with the centroid candidates, in one pass.
  const auto centroids = stories_.matches(vector, days, clock, -1.0f, exclude, nearest_stories);
  std::optional<CentroidClusters::Match> best;
  const float share = options_.nearest_member_share;
  for (const auto& match : centroids) {
    auto found = std::find_if(nearest.begin(), nearest.end(),
                              [&](const auto& entry) { return entry.first == match.cluster; });
    const float member_similarity = found == nearest.end() ? 0.0f : found->second;
    if (!time_checked(days, match.cluster) && match.similarity < options_.unchecked_cohesion_share * cohesion(match.cluster))
      continue;
    const float centroid_similarity = std::max(0.0f, match.similarity) * publisher_factor(match.cluster, publisher);
    const float score = (1 - share) * centroid_similarity + share * member_similarity;
    if (!best || score > best->similarity || (score == best->similarity && match.cluster < best->cluster))
      best = {match.cluster, score};
  }
  return best;
}

void StoryClusterer::repair() {
  since_repair_ = 0;
  const uint64_t clock = documents_.size();
  std::sort(touched_.begin(), touched_.end());
  // Merge stories that converged: a touched story and its most similar other story.
  for (uint32_t story : touched_) {
    // A story of one document was just compared with every story when it arrived, and scored below
    // the (lower) join threshold: it cannot reach the merge threshold now.
    if (!stories_.cluster(story).alive || stories_.cluster(story).size < 2) continue;
    if (!grown_since_last_look(merge_checked_at_, story, stories_.cluster(story).size)) continue;
    const auto match = stories_.best_match(unit_centroid(story), stories_.cluster(story).days, clock, story);
    if (!match || match->similarity * publisher_overlap_factor(story, match->cluster) < options_.merge_threshold) continue;
    merge_stories(story, match->cluster, clock);
  }
  merge_across_languages(clock);
  // Fragments that arrived before their event's story formed: they would join it now. Only
  // those near a document that joined a larger story since the last pass are looked at, until
  // `fragment_watch` arrivals have passed: most fragments stay alone, and checking each of them
  // again and again cost as much as placing the arrivals.
  std::vector<YoungStory> still_young;
  for (YoungStory young : young_stories_) {
    const Cluster& cluster = stories_.cluster(young.story);
    const bool fragment = cluster.alive && cluster.size <= options_.fragment_max_size;
    if (fragment && fragment_state_[young.story] == kNearGrowingStory) {
      fragment_state_[young.story] = kWatched;
      absorb_fragment(young.story, clock);
    }
    // Absorbing ends the fragment (its cluster is no longer alive).
    if (fragment && stories_.cluster(young.story).alive && clock - young.created <= options_.fragment_watch)
      still_young.push_back(young);
    else fragment_state_[young.story] = kNotWatched;
  }
  young_stories_ = std::move(still_young);
  // Split stories that drifted. Iterates by index: a split adds the new half to touched_.
  for (size_t k = 0; k < touched_.size(); ++k)
    if (stories_.cluster(touched_[k]).alive) try_split(touched_[k], clock);
  for (uint32_t story : touched_) {
    is_touched_[story] = false;
    if (!stories_.cluster(story).alive) continue;
    place_in_storyline(story, clock);
    mark_story_changed(story);
  }
  touched_.clear();
}

std::pair<size_t, size_t> StoryClusterer::shared_anchors(const SparseVector& a, const SparseVector& b) const {
  size_t shared = 0;
  std::vector<std::string_view> names;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i].term == b[j].term) {
      ++shared;
      const std::string& term = vocabulary_.term(a[i].term);
      if (term.starts_with(kAnchorPrefix) && !term.starts_with(kNumberAnchorPrefix)) names.push_back(term);
      ++i, ++j;
    } else if (a[i].term < b[j].term) {
      ++i;
    } else {
      ++j;
    }
  }
  // One name's key as written and as stemmed is one name: the AMLO trade-deal report joined the
  // impeachment hearings of the contest stream by two keys of one name.
  return {shared, distinct_names(names)};
}

void StoryClusterer::merge_across_languages(uint64_t clock) {
  // A stream of one language so far has nothing to compare across.
  if (options_.cross_language_merge <= 0 || language_ids_.size() < 2) return;
  // Iterates by index: a merge may add the absorbing story to touched_.
  for (size_t k = 0; k < touched_.size(); ++k) {
    const uint32_t story = touched_[k];
    const Cluster& cluster = anchors_.cluster(story);
    if (!cluster.alive || cluster.centroid.empty()) continue;
    if (!grown_since_last_look(anchors_checked_at_, story, stories_.cluster(story).size)) continue;
    SparseVector query = cluster.centroid;
    normalize(query);
    std::optional<CentroidClusters::Match> best;
    for (const auto& match : anchors_.matches(query, cluster.days, clock, options_.cross_language_merge, story)) {
      // Stories mostly of one language were compared by their words, which say more. (A story
      // of several languages is compared by its main one: a Russian story that took in a
      // Ukrainian report can still meet a Ukrainian story.)
      if (main_language(story) == main_language(match.cluster)) continue;
      if (std::min(stories_.cluster(story).size, stories_.cluster(match.cluster).size) > options_.cross_language_max_joined)
        continue;
      const auto [shared, shared_names] = shared_anchors(cluster.centroid, anchors_.cluster(match.cluster).centroid);
      if (shared < options_.min_shared_anchors || shared_names < options_.min_shared_name_anchors) continue;
      if (!best || match.similarity > best->similarity) best = match;
    }
    if (best) merge_stories(story, best->cluster, clock);
  }
}

void StoryClusterer::merge_stories(uint32_t a, uint32_t b, uint64_t clock) {
  uint32_t into = a, from = b;
  const auto size_into = stories_.cluster(into).size, size_from = stories_.cluster(from).size;
  if (size_from > size_into || (size_from == size_into && from < into)) std::swap(into, from);
  stories_.merge(into, from, clock);
  anchors_.merge(into, from, clock);
  for (const auto& [language, count] : story_languages_[from]) count_language(story_languages_[into], language, count);
  story_languages_[from] = {};
  story_parent_[from] = into;
  for (uint32_t document : story_members_[from]) changed_documents_.push_back(document);
  removed_stories_.push_back(story_names_[from]);
  story_members_[into].insert(story_members_[into].end(), story_members_[from].begin(), story_members_[from].end());
  story_members_[from] = {};
  storylines_.stories_merged(into, from, clock);
  for (const auto& [absorbed, absorbing] : storylines_.take_merges())
    merged_storylines_.emplace_back(storyline_names_[absorbed], storyline_names_[absorbing]);
  if (!is_touched_[into]) {
    is_touched_[into] = true;
    touched_.push_back(into);
  }
}

void StoryClusterer::absorb_fragment(uint32_t fragment, uint64_t clock) {
  const std::vector<uint32_t>& members = story_members_[fragment];
  std::optional<uint32_t> target;
  float total = 0;
  for (uint32_t document : members) {
    const Cluster& member = members_.cluster(documents_[document].member);
    const auto match = best_story(member.centroid, member.days, clock, documents_[document].publisher, fragment);
    // Every member must choose the same, larger story.
    if (!match || (target && *target != match->cluster) || stories_.cluster(match->cluster).size <= members.size()) return;
    target = match->cluster;
    total += match->similarity;
  }
  if (target && total / static_cast<float>(members.size()) >= options_.fragment_join_threshold)
    merge_stories(*target, fragment, clock);
}

void StoryClusterer::try_split(uint32_t story, uint64_t clock) {
  std::vector<uint32_t>& members = story_members_[story];
  if (members.size() < 4) return;
  if (!grown_since_last_look(split_checked_at_, story, members.size())) return;
  // Members are documents; their vectors live in members_.
  const size_t from = members.size() > options_.split_max_members ? members.size() - options_.split_max_members : 0;
  std::vector<uint32_t> sample(members.begin() + static_cast<std::ptrdiff_t>(from), members.end());
  const auto vector_of = [&](uint32_t document) -> const SparseVector& {
    return members_.cluster(documents_[document].member).centroid;
  };
  // Two-means, seeded deterministically by the oldest sampled member (what the story was about
  // when it was last looked at) and the member least like it: a drift shows as members far from
  // where the story started. (Seeding by the member least like the centroid instead split more
  // and scored lower on ECB+.) Half sums are accumulated in a dense scratch array and cut to their
  // heaviest terms, as centroids are, so each round costs the same however wide the story's words.
  const auto sum_of = [&](auto&& take) {
    std::vector<TermId>& touched = split_scratch_terms_;
    touched.clear();
    for (size_t i = 0; i < sample.size(); ++i) {
      if (!take(i)) continue;
      for (const WeightedTerm& entry : vector_of(sample[i])) {
        if (entry.term >= split_scratch_.size()) split_scratch_.resize(entry.term * 3 / 2 + 1024, 0);
        if (split_scratch_[entry.term] == 0) touched.push_back(entry.term);
        split_scratch_[entry.term] += entry.weight;
      }
    }
    SparseVector sum;
    sum.reserve(touched.size());
    for (TermId term : touched) {
      sum.push_back({term, split_scratch_[term]});
      split_scratch_[term] = 0;
    }
    // In the order the terms were met: the heaviest are picked, then only those sorted.
    keep_heaviest_unordered(sum, options_.clusters.centroid_terms);
    return sum;
  };
  std::vector<std::pair<float, float>>& dense = split_means_;
  const auto scatter = [&](const SparseVector& first, const SparseVector& second) {
    const TermId widest = std::max(first.empty() ? 0 : first.back().term, second.empty() ? 0 : second.back().term);
    if (widest >= dense.size()) dense.resize(widest * 3 / 2 + 1024, {0.0f, 0.0f});
    const float norm_first = std::max(norm(first), 1e-9f), norm_second = std::max(norm(second), 1e-9f);
    for (const WeightedTerm& entry : first) dense[entry.term].first = entry.weight / norm_first;
    for (const WeightedTerm& entry : second) dense[entry.term].second = entry.weight / norm_second;
  };
  const auto unscatter = [&](const SparseVector& first, const SparseVector& second) {
    for (const WeightedTerm& entry : first) dense[entry.term] = {0.0f, 0.0f};
    for (const WeightedTerm& entry : second) dense[entry.term] = {0.0f, 0.0f};
  };
  // Cosines of a member with the two scattered vectors, in one pass over the member's terms.
  const auto cosines = [&](uint32_t document) {
    std::pair<float, float> sums{0.0f, 0.0f};
    for (const WeightedTerm& entry : vector_of(document)) {
      if (entry.term >= dense.size()) continue;
      sums.first += entry.weight * dense[entry.term].first;
      sums.second += entry.weight * dense[entry.term].second;
    }
    return sums;
  };
  const auto farthest_from = [&](const SparseVector& point) {
    scatter(point, {});
    uint32_t chosen = sample.front();
    float lowest = 2;
    for (uint32_t document : sample) {
      const float similarity = cosines(document).first;
      if (similarity < lowest) lowest = similarity, chosen = document;
    }
    unscatter(point, {});
    return chosen;
  };
  SparseVector a = vector_of(sample.front());
  SparseVector b = vector_of(farthest_from(a));
  std::vector<bool> in_b(sample.size(), false);
  for (int round = 0; round < 6; ++round) {
    // Both means scattered densely (and cleared after), so each member's two cosines are one
    // pass over its own terms.
    scatter(a, b);
    bool changed = round == 0;
    for (size_t i = 0; i < sample.size(); ++i) {
      const auto [to_a, to_b_cosine] = cosines(sample[i]);
      const bool to_b = to_b_cosine > to_a;
      changed = changed || to_b != in_b[i];
      in_b[i] = to_b;
    }
    unscatter(a, b);
    a = sum_of([&](size_t i) { return !in_b[i]; });
    b = sum_of([&](size_t i) { return in_b[i]; });
    if (!changed) break;
  }
  const size_t count_b = static_cast<size_t>(std::count(in_b.begin(), in_b.end(), true));
  if (count_b < 2 || count_b + 2 > sample.size()) return;
  const float halves = dot(a, b) / std::max(norm(a) * norm(b), 1e-9f);
  if (halves >= options_.split_threshold) return;
  // Side b becomes a new story; side a, and the older members not sampled, stay.
  std::vector<uint32_t> keep(members.begin(), members.begin() + static_cast<std::ptrdiff_t>(from)), moved;
  for (size_t i = 0; i < sample.size(); ++i) (in_b[i] ? moved : keep).push_back(sample[i]);
  const auto rebuild = [&](uint32_t target, const std::vector<uint32_t>& documents) {
    std::vector<const SparseVector*> vectors;
    std::vector<DayRange> days;
    for (uint32_t document : documents) {
      vectors.push_back(&vector_of(document));
      days.push_back(members_.cluster(documents_[document].member).days);
    }
    stories_.rebuild(target, vectors, days, clock);
    std::vector<const SparseVector*> anchors;
    story_languages_[target].clear();
    for (uint32_t document : documents) {
      anchors.push_back(&document_anchors_[document]);
      count_language(story_languages_[target], documents_[document].language, 1);
    }
    anchors_.rebuild(target, anchors, days, clock);
  };
  std::sort(moved.begin(), moved.end());
  const uint32_t created = new_story({}, {}, {}, clock, story_id_founded_by(documents_[moved.front()].id));
  watch_as_fragment(created, clock, true);  // a small half split off may belong to another story
  is_touched_[created] = true;
  touched_.push_back(created);
  for (uint32_t document : moved) {
    documents_[document].story = created;
    changed_documents_.push_back(document);
  }
  rebuild(story, keep);
  rebuild(created, moved);
  story_members_[story] = std::move(keep);
  story_members_[created] = std::move(moved);
}

std::string StoryClusterer::story_id(size_t document) const { return story_names_[root_story(documents_[document].story)]; }

std::string StoryClusterer::storyline_id(size_t document) const {
  const uint32_t story = root_story(documents_[document].story);
  const auto storyline = storylines_.storyline_of(story);
  if (storyline) return storyline_names_[*storyline];
  const std::string& name = story_names_[story];
  return founded_storyline_id(name);
}

std::vector<std::string> StoryClusterer::related_storylines(size_t document) {
  return related_storylines_of_story(root_story(documents_[document].story));
}

std::vector<std::string> StoryClusterer::related_storylines(const std::string& story_id) {
  const auto found = story_by_name_.find(story_id);
  if (found == story_by_name_.end()) return {};
  const uint32_t story = root_story(found->second);
  if (story_names_[story] != story_id) return {};  // merged into another
  return related_storylines_of_story(story);
}

std::vector<std::string> StoryClusterer::related_storylines_of_story(uint32_t story) {
  const auto storyline = storylines_.storyline_of(story);
  std::vector<std::string> names;
  if (!storyline) return names;
  for (uint32_t other : storylines_.related(*storyline, documents_.size())) names.push_back(storyline_names_[other]);
  return names;
}

std::optional<std::string> StoryClusterer::storyline_of(const std::string& story_id) const {
  const auto found = story_by_name_.find(story_id);
  if (found == story_by_name_.end()) return std::nullopt;
  const uint32_t story = root_story(found->second);
  if (story_names_[story] != story_id) return std::nullopt;  // merged into another
  const auto storyline = storylines_.storyline_of(story);
  if (storyline) return storyline_names_[*storyline];
  return founded_storyline_id(story_id);
}

size_t StoryClusterer::story_count() const {
  size_t count = 0;
  for (size_t story = 0; story < stories_.size(); ++story) count += stories_.cluster(static_cast<uint32_t>(story)).alive;
  return count;
}

std::vector<StoryMembers> StoryClusterer::stories() const {
  std::map<uint32_t, size_t> slot_of_story;
  std::vector<StoryMembers> result;
  for (size_t document = 0; document < documents_.size(); ++document) {
    const uint32_t story = root_story(documents_[document].story);
    auto [slot, inserted] = slot_of_story.emplace(story, result.size());
    if (inserted) {
      StoryMembers made;
      made.id = story_id(document);
      made.storyline_id = storyline_id(document);
      const Cluster& cluster = stories_.cluster(story);
      for (const WeightedTerm& entry : heaviest(cluster.centroid, 10)) {
        std::string_view term = vocabulary_.term(entry.term);
        if (term.starts_with(kNamePrefix)) term.remove_prefix(kNamePrefix.size());
        made.top_terms.emplace_back(term);
      }
      if (cluster.days.first) made.first_published = day_to_iso(*cluster.days.first);
      if (cluster.days.last) made.last_published = day_to_iso(*cluster.days.last);
      result.push_back(std::move(made));
    }
    result[slot->second].document_ids.push_back(documents_[document].id);
  }
  return result;
}

std::vector<Storyline> StoryClusterer::storylines() const {
  std::map<std::string, size_t> slot_of_storyline;
  std::vector<Storyline> result;
  for (const StoryMembers& members : stories()) {
    auto [slot, inserted] = slot_of_storyline.emplace(members.storyline_id, result.size());
    if (inserted) result.push_back({members.storyline_id, {}});
    Story story;
    story.id = members.id;
    story.storyline_id = members.storyline_id;
    story.first_published = Timestamp::parse(members.first_published);
    story.last_published = Timestamp::parse(members.last_published);
    story.article_count = members.document_ids.size();
    result[slot->second].timeline.push_back(std::move(story));
  }
  for (Storyline& line : result) order_as_timeline(line.timeline);
  return result;
}

size_t StoryClusterer::memory_bytes() const {
  size_t bytes = stories_.memory_bytes() + members_.memory_bytes() + anchors_.memory_bytes() + storylines_.memory_bytes() +
                 story_languages_.capacity() * sizeof(story_languages_[0]) +
                 document_anchors_.capacity() * sizeof(SparseVector) + documents_.capacity() * sizeof(StoredDocument) +
                 (story_parent_.capacity() + touched_.capacity()) * 4 + split_scratch_.capacity() * sizeof(float) +
                 split_means_.capacity() * sizeof(std::pair<float, float>);
  for (const StoredDocument& document : documents_) bytes += document.id.capacity();
  for (const SparseVector& anchors : document_anchors_) bytes += anchors.capacity() * sizeof(WeightedTerm);
  for (const std::string& name : story_names_) bytes += sizeof(std::string) + name.capacity() * 2;
  return bytes;
}

}  // namespace storyline::cluster
