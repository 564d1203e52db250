#pragma once
// Publishers file every article under a section: in the URL (/sport/, /wirtschaft/, /economia/),
// in article:section or JSON-LD articleSection, in a feed's <category>. The section words that
// name one of our categories are a table kept as data (section_categories.tsv, with the reason
// for each word); this reads them. Used for weak training labels in every language and as a
// feature at run time.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/label/category.h"

namespace storyline::label {

// The category a page's section names: `section` (a metadata section name, whole or word by word)
// first, then the URL's path segments, then its leftmost host label ("sport.example.com"). Of
// several words, the last (deepest) wins, but a scope word (a word whose note in the table says
// "scope word": world, national...) only when nothing else matched. `url` may be an absolute URL
// or a path. Case and percent-encoding do not matter.
std::optional<Category> section_category(std::string_view url, std::string_view section = {});

// The sections a page is filed under, case-folded: its metadata section (whole) and its URL's
// path segments but the last (the page's own name), percent-decoded. `url` may be absolute or a path.
std::vector<std::string> section_names(std::string_view url, std::string_view section = {});

// The number of words in the table (for tests and the eval's header).
size_t section_word_count();

}  // namespace storyline::label
