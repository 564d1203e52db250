#pragma once
// What a story is about, as a reader would tag it: its central named subjects (people,
// organizations, places, by how many member articles name them) and one or two themes
// ("Diplomacy", "Armed conflict") from a small lexicon of cue words.
#include <string>
#include <vector>

#include "storyline/core/document.h"

namespace storyline::summarize {

inline constexpr size_t kMaxTopics = 8;

// Themes whose cue words are dense enough in these texts, strongest first (at most two).
std::vector<std::string> story_themes(const std::vector<Document>& articles);

// 3-8 topics (fewer when the story names little), most central first.
std::vector<std::string> story_topics(const std::vector<Document>& articles);

}  // namespace storyline::summarize
