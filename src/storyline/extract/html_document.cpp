#include "storyline/extract/html_document.h"

#include <algorithm>
#include <cctype>
#include <climits>

namespace storyline::extract {

HtmlDocument HtmlDocument::parse(std::string_view utf8_html) {
  HtmlDocument result;
  const int size = static_cast<int>(std::min<size_t>(utf8_html.size(), INT_MAX));
  // HTML_PARSE_NONET: never fetch DTDs or entities; RECOVER: accept the broken markup of the web.
  // The parser's own depth limit (256) keeps deeply nested inputs from exhausting the stack.
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                      HTML_PARSE_COMPACT | HTML_PARSE_NOIMPLIED;
  xmlDocPtr doc = htmlReadMemory(utf8_html.data(), size, nullptr, "UTF-8", options);
  if (!doc) doc = htmlNewDocNoDtD(nullptr, nullptr);
  result.doc_.reset(doc);
  return result;
}

std::string node_name(xmlNodePtr node) {
  if (!node || node->type != XML_ELEMENT_NODE || !node->name) return {};
  std::string name(reinterpret_cast<const char*>(node->name));
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name;
}

std::string attribute(xmlNodePtr node, const char* name) {
  if (!node || node->type != XML_ELEMENT_NODE) return {};
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!value) return {};
  std::string result(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return result;
}

std::string text_content(xmlNodePtr node) {
  if (!node) return {};
  xmlChar* value = xmlNodeGetContent(node);
  if (!value) return {};
  std::string result(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return result;
}

bool hidden_by_attributes(xmlNodePtr node) {
  if (!node || node->type != XML_ELEMENT_NODE) return false;
  // One pass over the attributes: this runs for every element of a page.
  for (xmlAttrPtr attribute = node->properties; attribute; attribute = attribute->next) {
    const std::string_view name(reinterpret_cast<const char*>(attribute->name));
    if (name == "hidden") return true;
    if (name != "style" && name != "aria-hidden") continue;
    std::string compact;  // lower case, no spaces
    for (xmlNodePtr child = attribute->children; child; child = child->next)
      if (child->content)
        for (const xmlChar* c = child->content; *c; ++c)
          if (*c != ' ') compact += static_cast<char>(std::tolower(*c));
    if (name == "aria-hidden" && compact == "true") return true;
    if (name == "style" &&
        (compact.find("display:none") != std::string::npos || compact.find("visibility:hidden") != std::string::npos))
      return true;
  }
  return false;
}

}  // namespace storyline::extract
