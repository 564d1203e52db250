#pragma once
// StoryOverview as JSON, one way both ways: what the store keeps and what the API's story parts
// are made of. The keys are those stored since the first schema ("summary" as plain sentences
// beside "bullets", a quote's "document"), so that records written by earlier builds read back.
#include <string>
#include <string_view>

#include "storyline/core/story_overview.h"

namespace storyline {

std::string story_overview_to_json(const StoryOverview& overview);
// Reads what story_overview_to_json wrote (and earlier builds' records): a missing or mistyped
// field is left at its default, so that one bad record never hides a story. Text that is no JSON
// object reads as an empty overview.
StoryOverview story_overview_from_json(std::string_view text);

}  // namespace storyline
