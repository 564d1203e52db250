#pragma once
// Which parts of a page are boilerplate by their markup alone: tags (nav, aside, footer...), ARIA
// roles, hidden elements, and class/id words that publishers everywhere use for menus, share
// bars, comments, related stories, cookie and newsletter boxes, ads and author boxes.
#include "storyline/extract/content_tree.h"

namespace storyline::extract {

// Class/id weight as in readability: +25 for words that name article containers ("article",
// "content", "post"...), -25 for words that name boilerplate, 0 otherwise.
int class_weight(const ContentElement& element);

// Marks boilerplate subtrees as removed and recounts the text. An element holding most of the
// page's text is never removed for its class alone (a wrapper named "page-with-sidebar").
// `trust_names` false: only tags, roles and hidden elements count (readability's retry when the
// class rules left too little text).
void mark_boilerplate(ContentTree& tree, bool trust_names = true);

}  // namespace storyline::extract
