#include "serve/parsed_atom.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstring>
#include <memory>

#include "serve/xml_nodes.h"

namespace storyline::testing {
namespace {

constexpr const char* kAtomNamespace = "http://www.w3.org/2005/Atom";

bool is_atom(const xmlNode* node, const char* name) { return is_element(node, kAtomNamespace, name); }

std::string link_of(const xmlNode* parent, const char* rel) {
  for (const xmlNode* child = parent->children; child; child = child->next)
    if (is_atom(child, "link") && attribute_of(child, "rel") == rel) return attribute_of(child, "href");
  return "";
}

ParsedAtomEntry entry_of(const xmlNode* node) {
  ParsedAtomEntry entry;
  entry.link = link_of(node, "alternate");
  for (const xmlNode* child = node->children; child; child = child->next) {
    if (is_atom(child, "id")) entry.id = text_of(child);
    else if (is_atom(child, "title")) entry.title = text_of(child);
    else if (is_atom(child, "updated")) entry.updated = text_of(child);
    else if (is_atom(child, "published")) entry.published = text_of(child);
    else if (is_atom(child, "summary")) entry.summary = text_of(child);
    else if (is_atom(child, "author"))
      for (const xmlNode* name = child->children; name; name = name->next)
        if (is_atom(name, "name")) entry.authors.push_back(text_of(name));
  }
  return entry;
}

}  // namespace

std::optional<ParsedAtom> parse_atom(const std::string& text) {
  const std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> document(xmlReadMemory(text.data(), static_cast<int>(text.size()),
                                                                            "feed.atom", nullptr,
                                                                            XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                                                XML_PARSE_NOWARNING),
                                                              xmlFreeDoc);
  if (!document) return std::nullopt;
  const xmlNode* root = xmlDocGetRootElement(document.get());
  if (!root || !is_atom(root, "feed")) return std::nullopt;
  ParsedAtom feed;
  feed.self_link = link_of(root, "self");
  for (const xmlNode* child = root->children; child; child = child->next) {
    if (is_atom(child, "id")) feed.id = text_of(child);
    else if (is_atom(child, "title")) feed.title = text_of(child);
    else if (is_atom(child, "updated")) feed.updated = text_of(child);
    else if (is_atom(child, "entry")) feed.entries.push_back(entry_of(child));
  }
  return feed;
}

}  // namespace storyline::testing
