#pragma once
// Chooses the element(s) holding the article body, readability-style: every paragraph gives
// points (length, commas) to its parent and, decaying, to further ancestors; each candidate
// starts from its tag and class/id weight and is discounted by its link density. The best
// candidate then grows to an ancestor that holds more of the top-scoring text, its siblings
// join when they score close to it, and an itemprop=articleBody container that holds the text
// is preferred.
#include <cstdint>
#include <string_view>
#include <vector>

#include "storyline/extract/content_tree.h"

namespace storyline::extract {

// Indices of the content roots in document order; empty when the page has no text at all.
// `title`: the page's headline when known; among several <article>s holding stories, the one
// headed by it is the page's.
std::vector<int32_t> select_content(const ContentTree& tree, std::string_view title = {});

}  // namespace storyline::extract
