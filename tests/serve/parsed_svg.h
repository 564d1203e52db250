#pragma once
// An SVG document read back with libxml2's strict parser (no recovery, no network): what the
// coverage chart's tests check its bars and legend with.
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace storyline::testing {

struct ParsedSvgBar {
  std::string start;                                // data-start
  size_t count = 0;                                 // data-count
  std::vector<std::pair<size_t, size_t>> segments;  // (data-series, data-count) of each <rect>, in order
};

struct ParsedSvg {
  std::string title;                     // the root's <title>
  std::vector<ParsedSvgBar> bars;        // each <g class="bar">, in order
  std::vector<std::string> legend;       // each <g class="legend">'s data-name
  std::vector<std::string> legend_text;  // and the text it shows
};

// nullopt when the text is not well-formed XML or its root is not an SVG <svg>.
std::optional<ParsedSvg> parse_svg(const std::string& text);

}  // namespace storyline::testing
