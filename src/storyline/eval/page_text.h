#pragma once
// The visible text of a whole HTML page as a scraper or a browser's "select all, copy" gives it:
// chrome and all, one block element per line, list items marked with "• ". Used to turn the
// HTML datasets into scraped-text examples for training and evaluating the scraped-text extractor.
#include <string>
#include <string_view>

namespace storyline::extract {

// `utf8_html` must already be UTF-8; the page is parsed as html_document.h does.
std::string page_visible_text(std::string_view utf8_html);

}  // namespace storyline::extract
