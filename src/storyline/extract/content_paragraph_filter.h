#pragma once
// Paragraph-level boilerplate that markup does not reveal: photo credits ("Foto: dpa", "© Reuters")
// and "read more" lead-ins to other stories ("Lesen Sie auch: ...", "Lea también: ..."), in the
// languages of the news we read most. Only short paragraphs are judged, so prose that happens to
// begin with such words stays.
#include <string_view>

namespace storyline::extract {

bool is_boilerplate_paragraph(std::string_view paragraph);

// A short line that introduces what follows ("Mehr zum Thema", "You might also like:"): dropped
// when what it introduced was removed.
bool is_lead_in(std::string_view paragraph);

}  // namespace storyline::extract
