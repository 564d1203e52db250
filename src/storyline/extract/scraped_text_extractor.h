#pragma once
// From raw scraped article text (a page's visible text, chrome and all) to a Document: the
// headline, the clean body, and what the text itself says of publisher and date.
#include <string_view>

#include "storyline/core/document.h"
#include "storyline/extract/page_context.h"

namespace storyline::extract {

Document extract_scraped_text(std::string_view utf8_text, const PageContext& context);

}  // namespace storyline::extract
