#pragma once
// Finds the article body in a parsed page: the main content only (paragraphs, in-article
// headings, lists, block quotes), without navigation, ads, related-story blocks, comments, share
// bars, cookie/newsletter boxes, author boxes or repeated captions.
#include <string>
#include <string_view>

#include "storyline/extract/html_document.h"

namespace storyline::extract {

struct MainContent {
  std::string text;        // paragraphs separated by "\n\n"; empty when no article body was found
  std::string html_title;  // the in-page headline (<h1>) nearest the body, when one was seen
  std::string deck;        // the heading set under that headline (a standfirst), not in `text`
};

// `title`, when known (the page's metadata headline), picks the article a page of several is
// about (an infinite-scroll page appends the next stories' <article>s).
MainContent extract_main_content(const HtmlDocument& page, std::string_view title = {});

}  // namespace storyline::extract
