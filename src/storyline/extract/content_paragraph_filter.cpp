#include "storyline/extract/content_paragraph_filter.h"

#include <algorithm>

#include "storyline/extract/boilerplate_phrases.h"
#include "storyline/extract/folded_paragraph.h"
#include "storyline/extract/paragraph_shapes.h"
#include "storyline/text/utf8.h"

namespace storyline::extract {

bool is_boilerplate_paragraph(std::string_view paragraph) {
  static const size_t longest = std::max(longest_paragraph_judged_by_phrases(), kLongestParagraphJudgedByShape);
  if (text::utf8_length(paragraph) > longest) return false;  // long prose is not folded at all
  const FoldedParagraph folded = fold_paragraph(paragraph);
  return !boilerplate_phrase_rules(folded).empty() || !boilerplate_shape(folded).empty();
}

bool is_data_dump(std::string_view paragraph) {
  // A scan for `"<spaces>:<spaces>` followed by the start of a JSON value; no JSON parser helps, as
  // the data sits among words.
  size_t pairs = 0;
  for (size_t quote = paragraph.find('"'); quote != std::string_view::npos; quote = paragraph.find('"', quote + 1)) {
    size_t at = quote + 1;
    while (at < paragraph.size() && paragraph[at] == ' ') ++at;
    if (at >= paragraph.size() || paragraph[at] != ':') continue;
    ++at;
    while (at < paragraph.size() && paragraph[at] == ' ') ++at;
    if (at < paragraph.size() && std::string_view("\"[{-0123456789tfn").find(paragraph[at]) != std::string_view::npos)
      ++pairs;
  }
  return pairs >= kMinDataPairs && pairs * kMaxBytesPerDataPair >= paragraph.size();
}

bool is_lead_in(std::string_view paragraph) {
  if (paragraph.empty() || text::utf8_length(paragraph) > 60) return false;
  const char last = paragraph.back();
  return last != '.' && last != '!' && last != '"';
}

}  // namespace storyline::extract
