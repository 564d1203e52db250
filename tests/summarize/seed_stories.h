#pragma once
// The seeds as stories: each seed file read (seed 000 gives its record and three related
// articles) and labelled, as the pipeline would hand them to rank and summarize.
#include <string>
#include <vector>

#include "storyline/core/document.h"

namespace storyline::testing {

// Documents of ../shared/seeds/<prefix>*.txt (prefix "000", "004", ...), labelled.
std::vector<Document> seed_story(const std::string& shared, const std::string& prefix);

}  // namespace storyline::testing
