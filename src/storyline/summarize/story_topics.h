#pragma once
// What a story is about, as a reader would tag it: its central named subjects (people,
// organizations, places, by how many member articles name them) and one or two themes
// ("Diplomacy", "Armed conflict": label/topics.h, the same as a document's).
#include <string>
#include <vector>

#include "storyline/core/document.h"

namespace storyline::summarize {

// 3-8 topics (fewer when the story names little), most central first.
std::vector<std::string> story_topics(const std::vector<Document>& articles);

}  // namespace storyline::summarize
