#pragma once
// The visible text of a whole HTML page as a scraper or a browser's "select all, copy" gives it:
// chrome and all, one block element per line, list items marked with "• ". Used to turn the
// HTML datasets into scraped-text examples for training and evaluating the scraped-text extractor.
#include <string>

#include "storyline/extract/html_document.h"

namespace storyline::extract {

std::string page_visible_text(const HtmlDocument& page);

}  // namespace storyline::extract
