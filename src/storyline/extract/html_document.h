#pragma once
// A parsed HTML page (libxml2's HTML parser: about 3.5x faster than gumbo on news pages and
// tolerant of broken markup). Owns the xmlDoc; the parser never touches the network.
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace storyline::extract {

class HtmlDocument {
 public:
  // `utf8_html` must already be UTF-8 (the ingest stage converts); any declared charset in the
  // page is overridden. Never returns a null document: an unparsable input gives an empty one.
  static HtmlDocument parse(std::string_view utf8_html);

  xmlDocPtr doc() const { return doc_.get(); }
  xmlNodePtr root() const { return doc_ ? xmlDocGetRootElement(doc_.get()) : nullptr; }

 private:
  struct Free {
    void operator()(xmlDocPtr doc) const { xmlFreeDoc(doc); }
  };
  std::unique_ptr<xmlDoc, Free> doc_;
};

// Small DOM helpers shared by the extractors.
std::string node_name(xmlNodePtr node);                    // lower-case element name, "" if not an element
std::string attribute(xmlNodePtr node, const char* name);  // "" when absent
std::string text_content(xmlNodePtr node);                 // all descendant text, raw
// An attribute's value without a copy, valid while the document lives; "" when absent. The HTML
// parser gives every attribute one text child, so this sees what `attribute` sees.
std::string_view attribute_view(xmlNodePtr node, const char* name);
// The element's name as the HTML parser stored it (lower-case), "" if not an element; no copy.
std::string_view element_name(xmlNodePtr node);
// `hidden`, aria-hidden="true", or an inline style of display:none / visibility:hidden.
bool hidden_by_attributes(xmlNodePtr node);

// Every node under `top` (not `top` itself) in document order, until `visit` returns false.
// Without recursion: pages nest deeply enough to overflow the stack.
template <typename Visit>
void for_each_descendant(xmlNodePtr top, Visit&& visit) {
  for (xmlNodePtr node = top ? top->children : nullptr; node;) {
    if (!visit(node)) return;
    if (node->type == XML_ELEMENT_NODE && node->children) {
      node = node->children;
      continue;
    }
    while (node != top && !node->next) node = node->parent;
    if (node == top) return;
    node = node->next;
  }
}

}  // namespace storyline::extract
