#pragma once
// Turns the chosen content elements into text: one paragraph per block (<p>, heading, list item,
// block quote, table cell, or a run of text between <br>s), joined by "\n\n". Inside the
// content it still drops what readability calls "conditionally clean": link lists and link-heavy
// blocks (related stories), link-only list items, and paragraphs repeated verbatim (captions).
#include <cstdint>
#include <string>
#include <vector>

#include "storyline/extract/content_tree.h"

namespace storyline::extract {

struct ContentText {
  std::string text;
  std::string headline;  // the <h1> nearest the content, left out of the text
  // A heading set right after that <h1>, beside it (its deck, or standfirst): left out of the
  // text, which is the body.
  std::string deck;
};

ContentText collect_text(const ContentTree& tree, const std::vector<int32_t>& roots);

}  // namespace storyline::extract
