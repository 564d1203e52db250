#include "storyline/extract/html_extractor.h"

#include "storyline/extract/html_document.h"

namespace storyline::extract {
namespace {

// Baseline until the main-content extractor lands: the <title> and every <p>.
void collect_paragraphs(xmlNodePtr node, std::string& out) {
  for (xmlNodePtr child = node ? node->children : nullptr; child; child = child->next) {
    const std::string name = node_name(child);
    if (name == "script" || name == "style" || name == "noscript") continue;
    if (name == "p") {
      out += text_content(child);
      out += "\n\n";
    } else {
      collect_paragraphs(child, out);
    }
  }
}

xmlNodePtr find_first(xmlNodePtr node, const char* name) {
  for (xmlNodePtr child = node ? node->children : nullptr; child; child = child->next) {
    if (node_name(child) == name) return child;
    if (xmlNodePtr found = find_first(child, name)) return found;
  }
  return nullptr;
}

}  // namespace

Document extract_html(std::string_view utf8_html, const PageContext& context) {
  const HtmlDocument page = HtmlDocument::parse(utf8_html);
  Document document;
  document.source = context.source;
  document.url = context.url;
  if (xmlNodePtr title = find_first(reinterpret_cast<xmlNodePtr>(page.doc()), "title")) document.title = text_content(title);
  std::string body;
  collect_paragraphs(reinterpret_cast<xmlNodePtr>(page.doc()), body);
  if (!body.empty()) document.text = body;
  return document;
}

}  // namespace storyline::extract
