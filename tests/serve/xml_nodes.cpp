#include "serve/xml_nodes.h"

#include <cstring>

namespace storyline::testing {

bool is_element(const xmlNode* node, const char* namespace_uri, const char* name) {
  return node->type == XML_ELEMENT_NODE && node->ns &&
         std::strcmp(reinterpret_cast<const char*>(node->ns->href), namespace_uri) == 0 &&
         std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

std::string text_of(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string text = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return text;
}

std::string attribute_of(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  std::string text = value ? reinterpret_cast<const char*>(value) : "";
  xmlFree(value);
  return text;
}

}  // namespace storyline::testing
