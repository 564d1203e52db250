#include "storyline/extract/html_metadata.h"

namespace storyline::extract {
namespace {

xmlNodePtr find_first(xmlNodePtr node, const char* name) {
  for (xmlNodePtr child = node ? node->children : nullptr; child; child = child->next) {
    if (node_name(child) == name) return child;
    if (xmlNodePtr found = find_first(child, name)) return found;
  }
  return nullptr;
}

}  // namespace

// Baseline until the metadata extractor lands: <title> only.
PageMetadata extract_html_metadata(const HtmlDocument& page, const PageContext& context) {
  PageMetadata metadata;
  metadata.url = context.url;
  if (xmlNodePtr title = find_first(reinterpret_cast<xmlNodePtr>(page.doc()), "title")) metadata.title = text_content(title);
  return metadata;
}

}  // namespace storyline::extract
