#pragma once
// Summary bullets picked from the members' own sentences: scored by centrality to the story
// (terms many publishers share), lead position and informativeness (names, numbers); chosen
// greedily with maximal marginal relevance so no two bullets say the same; each bullet cites every
// publisher whose article carries a near-equivalent sentence.
#include <vector>

#include "storyline/core/document.h"
#include "storyline/summarize/story_overview.h"
#include "storyline/summarize/story_vocabulary.h"

namespace storyline::summarize {

inline constexpr size_t kMaxBullets = 6;
// Two sentences at least this similar (cosine of their term sets) say the same thing: the second
// is not a new bullet, and its publisher is cited on the first.
inline constexpr double kEquivalentSimilarity = 0.6;

std::vector<Bullet> summary_bullets(const std::vector<Document>& articles, StoryVocabulary& vocabulary);

}  // namespace storyline::summarize
