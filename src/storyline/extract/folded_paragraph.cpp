#include "storyline/extract/folded_paragraph.h"

#include "storyline/text/tokenize.h"
#include "storyline/text/utf8.h"

namespace storyline::extract {

FoldedParagraph fold_paragraph(std::string_view text) { return {text, text::fold_case(text), text::utf8_length(text)}; }

}  // namespace storyline::extract
