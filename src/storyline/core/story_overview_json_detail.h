#pragma once
// nlohmann-based conversion of a story's overview, for the files that build JSON answers from its
// parts (pipeline/story_output). Everyone else uses story_overview_json.h.
#include <nlohmann/json.hpp>

#include "storyline/core/story_overview.h"

namespace storyline {

// {"summary", "bullets", "quotes", "topics", "publishers", "coverage", "copy_count",
//  "heat_parts", "article_quality"}
nlohmann::json story_overview_to_json_value(const StoryOverview& overview);
StoryOverview story_overview_from_json_value(const nlohmann::json& value);

}  // namespace storyline
