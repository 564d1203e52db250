#pragma once
// Who said what in one article: direct quotations (“…”, "…", and ‘…’ when clearly a quotation)
// attributed by the usual news patterns (`"…," X said`, `X said: "…"`, `said X`, `according to
// X`, `X told <outlet>`, `he said` -> the last person named), and reported speech (`X said (that)
// …` with a named speaker). Rule-based: no pretrained attribution model is available offline,
// and these few patterns cover the great majority of English news attributions.
#include <vector>

#include "storyline/core/document.h"
#include "storyline/summarize/story_overview.h"

namespace storyline::summarize {

// Quotes of one labelled document (its entities resolve short names and pronouns), in text order.
// Unattributed quotations and scare quotes (fewer than three words) are left out.
std::vector<Quote> find_quotes(const Document& document);

}  // namespace storyline::summarize
