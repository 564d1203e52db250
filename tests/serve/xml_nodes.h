#pragma once
// Small readers over libxml2 nodes shared by the tests that parse what the server writes (Atom
// feeds, SVG charts).
#include <libxml/tree.h>

#include <string>

namespace storyline::testing {

// An element named `name` in the namespace `namespace_uri`.
bool is_element(const xmlNode* node, const char* namespace_uri, const char* name);
// The node's text content, or "".
std::string text_of(const xmlNode* node);
// The attribute's value, or "".
std::string attribute_of(const xmlNode* node, const char* name);

}  // namespace storyline::testing
