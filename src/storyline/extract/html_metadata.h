#pragma once
// Article metadata from a parsed page: JSON-LD (schema.org NewsArticle and friends), OpenGraph,
// Twitter cards, Dublin Core, <meta>, <time>, rel=canonical, <html lang>, visible bylines and
// datelines, and dates in the URL path as a last resort.
#include <optional>
#include <string>
#include <vector>

#include "storyline/core/document.h"
#include "storyline/extract/html_document.h"
#include "storyline/extract/page_context.h"

namespace storyline::extract {

struct PageMetadata {
  std::optional<std::string> url;        // canonical URL (absolute)
  std::optional<std::string> title;      // headline, without " | Site Name" suffixes
  std::optional<std::string> excerpt;    // description / standfirst
  std::optional<std::string> published;  // ISO 8601, zone kept when given; a date alone allowed
  std::optional<std::string> author;     // names joined by ", "
  std::optional<std::string> site_name;
  std::optional<std::string> language;  // declared language tag, e.g. "en-GB"
  std::vector<Image> images;
  // The article's text as its JSON-LD gives it (plain text, or HTML), raw: some pages render the
  // body with scripts and leave only this in the HTML.
  std::optional<std::string> jsonld_article_body;
  std::optional<std::string> section;  // article:section, JSON-LD articleSection
  // What the page says it is: og:type ("article", "product", "video.episode") and JSON-LD @types.
  std::optional<std::string> og_type;
  std::vector<std::string> schema_types;
};

PageMetadata extract_html_metadata(const HtmlDocument& page, const PageContext& context);

}  // namespace storyline::extract
