#include "storyline/extract/main_content.h"

namespace storyline::extract {
namespace {

// Baseline until the scoring extractor lands: every <p> outside script/style.
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

}  // namespace

MainContent extract_main_content(const HtmlDocument& page) {
  MainContent content;
  collect_paragraphs(reinterpret_cast<xmlNodePtr>(page.doc()), content.text);
  return content;
}

}  // namespace storyline::extract
