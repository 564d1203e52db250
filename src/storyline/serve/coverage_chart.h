#pragma once
// A story's coverage over time as a small bar chart: how many of its documents (articles and the
// copies other publishers printed) came out in each time step, stacked by publisher for its most
// prolific few. Drawn on the server as SVG, which the story page shows as an image: no script,
// no library, within the page's img-src 'self'. Counting and drawing are apart so that each can be
// checked on its own.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "storyline/core/document.h"

namespace storyline::serve {

// Publishers drawn in colours of their own; the rest share one, as "Other publishers".
inline constexpr size_t kChartedPublishers = 4;
// Bars at most: a story that spans longer gets wider time steps (bounded size whatever it holds).
inline constexpr size_t kMostBars = 72;
inline constexpr const char* kOtherPublishers = "Other publishers";

struct CoverageChart {
  int64_t start = 0;                      // Unix seconds: where the first bar's time step starts
  int64_t step_seconds = 3600;            // 10 minutes (a story of a few hours), an hour, a day (over 3 days), or a multiple
  std::vector<std::string> series;        // publishers' names, most documents first; kOtherPublishers last when used
  std::vector<size_t> series_totals;      // documents of each series
  bool grouped_others = false;            // the last series is kOtherPublishers
  std::vector<std::vector<size_t>> bars;  // [bar][series]: documents published in that time step
  size_t undated = 0;                     // documents without a readable publication time: not drawn
  size_t copies = 0;                      // of the drawn documents, the copies (the rest are articles)
};

// Counts a story's articles and the copies of them by publisher (core/publisher.h, all of them
// counted together, as the story's coverage counts them) and by their `published` time.
CoverageChart count_coverage(const std::vector<Document>& articles, const std::vector<Document>& copies = {});

// The chart as a standalone SVG document (UTF-8, well-formed whatever the publishers' names
// hold). Each bar is <g class="bar" data-start="ISO time" data-count="N">, holding a <rect
// data-series="K" data-count="n"> per series it has documents of; the legend names series K.
std::string coverage_chart_svg(const CoverageChart& chart);

}  // namespace storyline::serve
