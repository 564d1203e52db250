#pragma once
// Story and Storyline: what the cluster stage hands to the stages after it (rank, summarize,
// store, serve). A story is one real-world event as several documents report it; a storyline is
// the dated chain of stories about one developing subject.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/core/story_overview.h"
#include "storyline/core/timestamp.h"

namespace storyline {

// The clusterer's view of a story: which documents it groups (cluster/story_clusterer.h).
struct StoryMembers {
  std::string id;
  std::vector<std::string> document_ids;       // in arrival order
  std::vector<std::string> top_terms;          // the centroid's heaviest terms, heaviest first
  std::optional<std::string> first_published;  // ISO 8601 day, when any member had a date
  std::optional<std::string> last_published;
  std::string storyline_id;
};

// A story as the pipeline writes it, the store keeps it and the API, feeds and commands show it:
// what lists, filters and ranks it, and its overview (story_overview.h).
struct Story {
  std::string id;
  std::string storyline_id;
  std::optional<std::string> title;
  std::optional<std::string> category;
  std::optional<std::string> language;
  std::optional<Timestamp> first_published;  // the earliest article's time, as it was written (zone kept)
  std::optional<Timestamp> last_published;   // the latest
  size_t article_count = 0;
  size_t publisher_count = 0;
  double heat = 0;       // as of the story's last update
  double heat_rank = 0;  // orders stories by heat at any common time
  StoryOverview overview;
  std::string summary_text;  // searchable text of the summary
};

// A storyline as a reader follows it: its stories in the order the events began.
struct Storyline {
  std::string id;
  std::vector<Story> timeline;  // see order_as_timeline
};

// Puts a storyline's stories in the order their events began: by the instant of their first
// article ("2021-10-09T23:00:00-05:00" comes after "2021-10-10T01:00:00Z"), undated stories after
// the dated ones, each group otherwise in the order given.
void order_as_timeline(std::vector<Story>& stories);

// The id of the story a document starts: "story-" and the document's id; the one place story ids
// are made (once given, an id stays with its story).
inline std::string story_id_founded_by(std::string_view document_id) { return "story-" + std::string(document_id); }

// The id of the storyline a story starts: "story-X" starts "storyline-X" (any other id is kept
// whole after "storyline-"). A story placed in no storyline yet belongs to this one.
inline std::string founded_storyline_id(std::string_view story_id) {
  constexpr std::string_view kStory = "story-";
  if (story_id.starts_with(kStory)) story_id.remove_prefix(kStory.size());
  return "storyline-" + std::string(story_id);
}

}  // namespace storyline
