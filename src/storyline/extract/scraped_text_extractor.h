#pragma once
// From raw scraped article text (a page's visible text, chrome and all) to a Document: the
// headline, the standfirst, the clean body, and what the text itself says of publisher and date.
//
// Each non-blank line is scored body/chrome by a small learned classifier (line_classifier.h:
// length, punctuation, capitalization, position, near duplication, call-to-action vocabulary,
// and its neighbours' scores); a few general rules come on top: near-duplicate line groups
// (repeated captions) and lines without letters never are body; publisher statements ("This
// article appeared originally on X.") and a bare domain at the top give site_name; datelines
// ("Published: March 3, 2024") are metadata, and the one near the headline gives published; the headline
// is the longest title-like line before the body; a sentence right after it, set apart from the
// body by removed lines, is the standfirst. List glyphs ("• ") are dropped: items become
// paragraphs.
#include <string>
#include <string_view>
#include <vector>

#include "storyline/core/document.h"
#include "storyline/extract/line_classifier.h"
#include "storyline/extract/page_context.h"

namespace storyline::extract {

enum class LineRole { kBody, kTitle, kExcerpt, kChrome, kCaption, kPublisher, kOtherHeadline, kBeforeTitle, kDateline };
const char* line_role_name(LineRole role);

struct ScrapedLineDecision {
  std::string text;
  LineRole role = LineRole::kChrome;
  double body_probability = 0.0;
};

struct ScrapedTextAnalysis {
  Document document;
  std::vector<ScrapedLineDecision> lines;  // every non-blank line, in order, with what it became
};

Document extract_scraped_text(std::string_view utf8_text, const PageContext& context);
ScrapedTextAnalysis analyze_scraped_text(std::string_view utf8_text, const PageContext& context,
                                         const LineModel& model = LineModel::builtin());

}  // namespace storyline::extract
