#pragma once
// Feed items that carry only a teaser: their article page is fetched and extracted, and the
// item's own metadata fills what the page lacks.
#include <cstddef>

#include "storyline/core/document.h"

namespace storyline::sources {

// Item text shorter than this is a teaser, not the article: feed_item.cpp keeps descriptions
// up to the same length as excerpts, and whole news articles are rarely under ~100 words.
inline constexpr size_t kTeaserTextChars = 600;

bool is_teaser(const Document& item);

// The page's extraction, with the item's id and source kept (the item stays one document however
// it is read) and its title, date, author, excerpt and site used where the page has none. The
// item itself when the page gave no more text than the item had.
Document merge_item_page(const Document& item, Document page);

}  // namespace storyline::sources
