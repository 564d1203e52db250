#pragma once
// A page's headings as a reader sees them, and what they are: the headline, a kicker inside it,
// the site's logo set as an <h1>, or an SEO headline in the breadcrumb trail.
#include <string>

#include "storyline/extract/html_document.h"

namespace storyline::extract {

// The heading's visible text without its kicker or subtitle (unless they are all it has) or a
// permalink pilcrow, cleaned.
std::string heading_text(xmlNodePtr heading);

// A heading that is the site's name in its banner, not the article's headline.
bool is_site_logo_heading(xmlNodePtr heading);

// An <h1> as the last step of a breadcrumb trail.
bool in_breadcrumb(xmlNodePtr heading);

}  // namespace storyline::extract
