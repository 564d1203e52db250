#include "storyline/extract/document_id.h"

#include "storyline/core/hash.h"
#include "storyline/core/publisher.h"

namespace storyline::extract {
namespace {

// The publisher a document names, "" when none: publisher_key falls back to the document
// itself ("id:...") when nothing names one, which is no publisher to derive an id from.
std::string named_publisher(const Document& document) {
  std::string key = publisher_key(document);
  return key.starts_with("id:") ? std::string() : key;
}

}  // namespace

std::string derived_document_id(const Document& document) {
  if (document.url) return hex64(fnv1a64(*document.url));
  std::string key = document.title.value_or("") + "\n" + document.text.value_or(document.excerpt.value_or(""));
  // After the content, behind a byte that cleaned text never holds (text::clean_* drop control
  // characters), so that no title or text can spell another document's publisher part.
  if (const std::string publisher = named_publisher(document); !publisher.empty()) key += "\x1fpublisher:" + publisher;
  return hex64(fnv1a64(key));
}

}  // namespace storyline::extract
