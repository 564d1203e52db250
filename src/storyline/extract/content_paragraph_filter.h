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

// A paragraph that is mostly a JSON object or array printed into the page, such as an image
// gallery's configuration ("Weitere 21 Bilder ansehen [ { "src": "https://...", "subHtml": ...
// } ]"): at least kMinDataPairs `"key": value` pairs, at least one per kMaxBytesPerDataPair bytes.
// Its captions are other news, and its URLs and keys are no one's words.
bool is_data_dump(std::string_view paragraph);
// Eight pairs or more: a documentation page's short example in running text stays.
inline constexpr size_t kMinDataPairs = 8;
inline constexpr size_t kMaxBytesPerDataPair = 500;

// A short line that introduces what follows ("Mehr zum Thema", "You might also like:"): dropped
// when what it introduced was removed.
bool is_lead_in(std::string_view paragraph);

}  // namespace storyline::extract
