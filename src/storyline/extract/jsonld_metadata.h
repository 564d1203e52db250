#pragma once
// Article metadata from a page's JSON-LD blocks (<script type="application/ld+json">):
// schema.org NewsArticle, Article, BlogPosting, ReportageNewsArticle and their kin, WebPage as a
// fallback, @graph arrays and @id references, author Person/Organization objects, publisher.
// The JSON library stays inside the .cpp.
#include <optional>
#include <string>
#include <vector>

#include "storyline/core/document.h"

namespace storyline::extract {

struct JsonLdMetadata {
  bool found_article = false;  // an Article-like node (not only a WebPage) was seen
  std::optional<std::string> headline;
  std::optional<std::string> description;
  std::optional<std::string> date_published;  // as written in the page (not yet normalized)
  std::optional<std::string> date_modified;
  std::optional<std::string> url;
  std::optional<std::string> site_name;  // publisher.name, or a WebSite/Organization node's name
  std::optional<std::string> language;   // inLanguage
  std::vector<std::string> authors;      // names as written (not yet cleaned)
  std::vector<Image> images;
  std::optional<std::string> article_body;  // articleBody of the article node, as written
  std::optional<std::string> section;       // articleSection: the publisher's section
  std::vector<std::string> types;           // every @type seen ("NewsArticle", "Product", "Recipe"...)
};

// `scripts` are the raw texts of the page's JSON-LD blocks; invalid blocks are skipped, with a
// light repair first (raw newlines in strings, trailing commas, HTML comment wrappers).
JsonLdMetadata read_jsonld(const std::vector<std::string>& scripts);

}  // namespace storyline::extract
