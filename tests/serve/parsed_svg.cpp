#include "serve/parsed_svg.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstring>
#include <memory>

#include "serve/xml_nodes.h"

namespace storyline::testing {
namespace {

constexpr const char* kSvgNamespace = "http://www.w3.org/2000/svg";

bool is_svg(const xmlNode* node, const char* name) { return is_element(node, kSvgNamespace, name); }

size_t count_of(const xmlNode* node) { return static_cast<size_t>(std::stoul("0" + attribute_of(node, "data-count"))); }

}  // namespace

std::optional<ParsedSvg> parse_svg(const std::string& text) {
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> document(xmlReadMemory(text.data(), static_cast<int>(text.size()),
                                                                      "chart.svg", nullptr,
                                                                      XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                                          XML_PARSE_NOWARNING),
                                                        xmlFreeDoc);
  if (!document) return std::nullopt;
  const xmlNode* root = xmlDocGetRootElement(document.get());
  if (!root || !is_svg(root, "svg")) return std::nullopt;
  ParsedSvg svg;
  for (const xmlNode* child = root->children; child; child = child->next) {
    if (is_svg(child, "title")) svg.title = text_of(child);
    if (!is_svg(child, "g")) continue;
    const std::string kind = attribute_of(child, "class");
    if (kind == "bar") {
      ParsedSvgBar bar{attribute_of(child, "data-start"), count_of(child), {}};
      for (const xmlNode* rect = child->children; rect; rect = rect->next)
        if (is_svg(rect, "rect"))
          bar.segments.emplace_back(static_cast<size_t>(std::stoul(attribute_of(rect, "data-series"))), count_of(rect));
      svg.bars.push_back(std::move(bar));
    } else if (kind == "legend") {
      svg.legend.push_back(attribute_of(child, "data-name"));
      svg.legend_text.push_back(text_of(child));
    }
  }
  return svg;
}

}  // namespace storyline::testing
