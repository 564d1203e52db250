#pragma once
// From an HTML page to a Document: the main article content and its metadata.
#include <string_view>

#include "storyline/core/document.h"
#include "storyline/extract/page_context.h"

namespace storyline::extract {

// `utf8_html` is already UTF-8. Fields that cannot be found stay null. Never throws on bad markup.
Document extract_html(std::string_view utf8_html, const PageContext& context);

}  // namespace storyline::extract
