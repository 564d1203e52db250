#pragma once
// Document: one article as it travels between pipeline stages. Mirrors the Document JSON of
// INTERFACE.md field for field; an unknown value is std::nullopt (printed as null).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

struct Image {
  std::string url;
  std::optional<int> width;
  std::optional<int> height;
};

struct Entity {
  std::string text;
  std::string type;  // person, organization, location, other
};

struct Document {
  std::string id;
  std::string source;
  std::optional<std::string> url;
  std::optional<std::string> title;
  std::optional<std::string> text;
  std::optional<std::string> excerpt;
  std::optional<std::string> published;
  std::optional<std::string> author;
  std::optional<std::string> site_name;
  std::optional<std::string> domain;
  std::optional<std::string> language;
  std::optional<std::string> category;
  std::vector<std::string> topics;
  std::vector<Entity> entities;
  std::vector<Image> images;
  // false for pages that are not news reports (INTERFACE.md); unknown until labelled.
  std::optional<bool> is_news;
  // Beyond INTERFACE.md: the section the publisher filed the page under (article:section, JSON-LD
  // articleSection, a feed item's <category>), as written.
  std::optional<std::string> section;
  // Beyond INTERFACE.md: what the page's markup says it is: "og:" + its og:type ("og:article",
  // "og:product") and its schema.org @types ("NewsArticle", "Recipe", "QAPage").
  std::vector<std::string> page_types;
};

// A field's text without copying it; empty when unknown.
inline std::string_view field_view(const std::optional<std::string>& field) {
  return field ? std::string_view(*field) : std::string_view();
}

// The body a reader of the document reads: its text, or its excerpt when it has no text.
inline std::string_view body_of(const Document& document) {
  if (document.text && !document.text->empty()) return *document.text;
  if (document.excerpt) return *document.excerpt;
  return {};
}

}  // namespace storyline
