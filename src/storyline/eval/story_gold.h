#pragma once
// Story gold judged by reading contest pages (gold/contest-stories.tsv and gold/contest-pairs.tsv;
// gold/README-contest-stories.md says how): which pages report one event, and same-event /
// different-event pairs. Only scored, never trained on.
#include <string>
#include <vector>

namespace storyline::eval {

struct StoryGoldPage {
  std::string path;  // relative to the data folder (../shared/data)
  std::string language;
  std::string site;
  std::string story;  // pages with one label report one event
  std::string note;
};

struct EventPair {
  std::string path_a, path_b;
  std::string language_a, language_b;
  bool same_event = false;
  bool sure = true;
  std::string note;
};

// Header line, then path, language, site, story, note (tab-separated). Throws std::runtime_error
// naming file and line.
std::vector<StoryGoldPage> load_story_gold(const std::string& file);
// Header line, then path_a, path_b, language_a, language_b, same_event (1/0), confidence
// (sure/unsure), note. Throws std::runtime_error naming file and line.
std::vector<EventPair> load_event_pairs(const std::string& file);

}  // namespace storyline::eval
