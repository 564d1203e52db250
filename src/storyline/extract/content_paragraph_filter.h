#pragma once
// Paragraph-level boilerplate that markup does not reveal: photo credits ("Foto: dpa", "© Reuters"),
// "read more" lead-ins to other stories ("Lesen Sie auch: ...", "Lea también: ..."), paywall and
// app prompts, rights notices, in the languages of the news we read most. The phrases, where in a
// paragraph each may match and the longest paragraph each judges are data
// (boilerplate_phrases.tsv, read by boilerplate_phrases.h); a few shapes are code
// (paragraph_shapes.h). Only short paragraphs are judged (rights notices up to 400 characters),
// so prose that happens to use such words stays.
#include <string_view>

namespace storyline::extract {

bool is_boilerplate_paragraph(std::string_view paragraph);

// A short line that introduces what follows ("Mehr zum Thema", "You might also like:"): dropped
// when what it introduced was removed.
bool is_lead_in(std::string_view paragraph);

}  // namespace storyline::extract
