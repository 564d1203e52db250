#pragma once
// Boilerplate told by a paragraph's shape rather than by a phrase alone, so kept as code beside
// boilerplate_phrases.tsv: a numbered figure caption ("Abbildung 4: ..."), a PHP error printed
// into the page, words whose letters mix Latin and Cyrillic to hide an ad, a publication-time
// line ("Published: 11/18/2011 2:27 AM").
#include <cstddef>
#include <string_view>

#include "storyline/extract/folded_paragraph.h"

namespace storyline::extract {

// The name of the shape `paragraph` has ("figure_caption", "server_error", "homoglyph_words",
// "time_line"), or empty.
std::string_view boilerplate_shape(const FoldedParagraph& paragraph);

// The longest paragraph, in characters, that a shape judges.
inline constexpr size_t kLongestParagraphJudgedByShape = 300;

}  // namespace storyline::extract
