#pragma once
// A paragraph as the boilerplate rules read it: case-folded (text::fold_case) and its length in
// characters counted once, for every rule to share.
#include <cstddef>
#include <string>
#include <string_view>

namespace storyline::extract {

struct FoldedParagraph {
  std::string_view text;  // as on the page
  std::string folded;     // text::fold_case(text)
  size_t characters = 0;  // code points of text
};

FoldedParagraph fold_paragraph(std::string_view text);

}  // namespace storyline::extract
