#include "storyline/serve/coverage_chart.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <iterator>
#include <map>
#include <optional>

#include "storyline/core/iso_time.h"
#include "storyline/core/publisher.h"
#include "storyline/serve/xml_writer.h"

namespace storyline::serve {
namespace {

constexpr int64_t kMinute = 60, kHour = 3600, kDay = 86400;

// Layout, in SVG user units (about CSS pixels at the size the page shows it).
constexpr double kWidth = 320, kPlotLeft = 30, kPlotRight = 8, kPlotTop = 18, kPlotHeight = 100;
constexpr double kLegendRow = 16;
// Long names are cut (by characters, never inside one) so that a legend row fits the width.
constexpr int32_t kMostNameCharacters = 42;
// One colour per charted publisher, grey for the others: mid tones that read on light and dark.
// One more than kChartedPublishers: a fifth publisher is charted as itself rather than as "Other
// publishers" of one (it had the first one's colour).
constexpr const char* kSeriesColours[] = {"#c2410c", "#2563eb", "#15803d", "#a16207", "#7c3aed"};
static_assert(std::size(kSeriesColours) > kChartedPublishers);
constexpr const char* kOtherColour = "#8b8e96";

int64_t floor_to(int64_t value, int64_t step) {
  const int64_t quotient = value / step;
  return (value % step != 0 && value < 0 ? quotient - 1 : quotient) * step;
}

// One decimal is finer than a pixel; "320", not "320.0".
std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  std::string written = text;
  if (written.ends_with(".0")) written.resize(written.size() - 2);
  return written == "-0" ? "0" : written;
}

std::string shortened_name(const std::string& name, int32_t most = kMostNameCharacters) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(name.data());
  const auto length = static_cast<int32_t>(std::min<size_t>(name.size(), INT32_MAX));
  int32_t offset = 0;
  for (int32_t characters = 0; offset < length && characters < most; ++characters) U8_FWD_1(bytes, offset, length);
  if (offset >= length) return name;
  return name.substr(0, static_cast<size_t>(offset)) + "…";
}

// "1 Nov 2019", "1 Nov 2019 12:00", "12:00": times in UTC, named the same on every reader's screen.
std::string day_text(int64_t unix_seconds) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t time = static_cast<std::time_t>(unix_seconds);
  std::tm parts{};
  gmtime_r(&time, &parts);
  return std::to_string(parts.tm_mday) + " " + kMonths[parts.tm_mon] + " " + std::to_string(parts.tm_year + 1900);
}
std::string clock_text(int64_t unix_seconds) { return iso_utc(unix_seconds).substr(11, 5); }

std::string step_name(int64_t seconds) {
  if (seconds % kDay == 0) return seconds == kDay ? "day" : std::to_string(seconds / kDay) + " days";
  if (seconds % kHour == 0) return seconds == kHour ? "hour" : std::to_string(seconds / kHour) + " hours";
  return std::to_string(seconds / kMinute) + " minutes";
}

// What the x axis says at its two ends.
std::pair<std::string, std::string> axis_ends(int64_t start, int64_t end, int64_t step) {
  if (step % kDay == 0) return {day_text(start), day_text(end - kDay)};
  const std::string last = day_text(end) == day_text(start) ? clock_text(end) : day_text(end) + " " + clock_text(end);
  return {day_text(start) + " " + clock_text(start), last + " UTC"};
}

}  // namespace

CoverageChart count_coverage(const std::vector<Document>& articles, const std::vector<Document>& copies) {
  CoverageChart chart;
  struct Dated {
    std::string publisher;
    int64_t when;
  };
  std::vector<const Document*> documents;
  documents.reserve(articles.size() + copies.size());
  for (const Document& article : articles) documents.push_back(&article);
  for (const Document& copy : copies) documents.push_back(&copy);
  std::vector<Publisher> publishers_in_order = publishers_of(documents);
  std::vector<Dated> dated;
  std::map<std::string, std::pair<std::string, size_t>> publishers;  // key -> name, documents
  for (size_t i = 0; i < documents.size(); ++i) {
    const Document& document = *documents[i];
    const std::optional<int64_t> when = document.published ? parse_iso_unix(*document.published) : std::nullopt;
    if (!when) {
      ++chart.undated;
      continue;
    }
    if (i >= articles.size()) ++chart.copies;
    Publisher& publisher = publishers_in_order[i];
    auto& [name, count] = publishers[publisher.key];
    if (name.empty()) name = publisher.name.empty() ? publisher.key : publisher.name;
    ++count;
    dated.push_back({std::move(publisher.key), *when});
  }
  if (dated.empty()) return chart;

  // The most documents first (then by name); past the few charted, the rest are one series, unless
  // that would be a single publisher, which is then charted as itself.
  std::vector<std::pair<std::string, std::pair<std::string, size_t>>> ranked(publishers.begin(), publishers.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.second.second != b.second.second) return a.second.second > b.second.second;
    return a.second.first < b.second.first;
  });
  const size_t charted = ranked.size() <= kChartedPublishers + 1 ? ranked.size() : kChartedPublishers;
  std::map<std::string, size_t> series_of;
  for (size_t i = 0; i < ranked.size(); ++i) {
    series_of[ranked[i].first] = std::min(i, charted);
    if (i < charted) {
      chart.series.push_back(ranked[i].second.first);
      chart.series_totals.push_back(ranked[i].second.second);
    }
  }
  if (charted < ranked.size()) {
    chart.series.emplace_back(kOtherPublishers);
    chart.grouped_others = true;
    size_t others = 0;
    for (size_t i = charted; i < ranked.size(); ++i) others += ranked[i].second.second;
    chart.series_totals.push_back(others);
  }

  // Time steps that show a story's shape: minutes for one of a few hours, hours for one of a few
  // days, days beyond; widened to stay within kMostBars.
  const auto [first, last] = std::minmax_element(dated.begin(), dated.end(),
                                                 [](const Dated& a, const Dated& b) { return a.when < b.when; });
  const int64_t span = last->when - first->when;
  const int64_t unit = span <= 3 * kHour ? 10 * kMinute : span <= 3 * kDay ? kHour : kDay;
  // The smallest multiple of the unit that fits, from a first guess that is at most one short of it.
  for (int64_t factor = std::max<int64_t>(1, span / (unit * static_cast<int64_t>(kMostBars)));; ++factor) {
    chart.step_seconds = unit * factor;
    chart.start = floor_to(first->when, chart.step_seconds);
    if (static_cast<size_t>((last->when - chart.start) / chart.step_seconds) < kMostBars) break;
  }
  const auto bars = static_cast<size_t>((last->when - chart.start) / chart.step_seconds) + 1;
  chart.bars.assign(bars, std::vector<size_t>(chart.series.size(), 0));
  for (const Dated& document : dated)
    ++chart.bars[static_cast<size_t>((document.when - chart.start) / chart.step_seconds)][series_of[document.publisher]];
  return chart;
}

std::string coverage_chart_svg(const CoverageChart& chart) {
  const double legend_top = kPlotTop + kPlotHeight + 34;
  const double height = legend_top + kLegendRow * static_cast<double>(chart.series.size()) + 4;
  const double plot_width = kWidth - kPlotLeft - kPlotRight;
  const int64_t end = chart.start + chart.step_seconds * static_cast<int64_t>(chart.bars.size());
  size_t total = 0, most = 0;
  for (const auto& bar : chart.bars) {
    size_t in_bar = 0;
    for (size_t count : bar) in_bar += count;
    total += in_bar;
    most = std::max(most, in_bar);
  }
  const std::string per = "per " + step_name(chart.step_seconds);
  const auto [from, to] = axis_ends(chart.start, end, chart.step_seconds);
  // Copies are named as such: the story counts them apart from its articles.
  const auto plural = [](size_t n, const char* one, const char* many) { return std::to_string(n) + (n == 1 ? one : many); };
  const std::string counted = chart.copies == 0 ? plural(total, " article", " articles")
                                                : plural(total - chart.copies, " article", " articles") + " and " +
                                                      plural(chart.copies, " copy", " copies");
  std::string description = chart.bars.empty() ? "No dated articles"
                                               : counted + " " + per + ", by publisher, " + from + " to " + to;
  if (chart.undated) description += " (" + std::to_string(chart.undated) + " undated not shown)";

  XmlWriter xml(false);
  xml.start("svg");
  xml.attribute("xmlns", "http://www.w3.org/2000/svg");
  xml.attribute("viewBox", "0 0 " + number(kWidth) + " " + number(height));
  xml.attribute("width", number(kWidth));
  xml.attribute("height", number(height));
  xml.attribute("role", "img");
  xml.element("title", "Coverage over time: " + description);
  std::string style =
      "text{font:11px system-ui,sans-serif;fill:#5d6068}.axis{stroke:#c9c6bf;stroke-width:1}"
      "@media (prefers-color-scheme:dark){text{fill:#a3a6ae}.axis{stroke:#3a3c42}}";
  for (size_t k = 0; k < chart.series.size(); ++k) {
    const bool other = chart.grouped_others && k + 1 == chart.series.size();
    style += ".s" + std::to_string(k) + "{fill:" + (other ? kOtherColour : kSeriesColours[k % std::size(kSeriesColours)]) +
             "}";
  }
  xml.element("style", style);

  xml.start("text");
  xml.attribute("x", number(kPlotLeft));
  xml.attribute("y", "11");
  xml.text(chart.bars.empty() ? description
                              : (chart.copies ? "Articles and copies " : "Articles ") + per +
                                    (chart.undated ? " (" + std::to_string(chart.undated) + " undated)" : ""));
  xml.end();
  const double baseline = kPlotTop + kPlotHeight;
  const auto line = [&](double y) {
    xml.start("line");
    xml.attribute("class", "axis");
    xml.attribute("x1", number(kPlotLeft));
    xml.attribute("x2", number(kWidth - kPlotRight));
    xml.attribute("y1", number(y));
    xml.attribute("y2", number(y));
    xml.end();
  };
  const auto label = [&](double x, double y, const char* anchor, const std::string& text) {
    xml.start("text");
    xml.attribute("x", number(x));
    xml.attribute("y", number(y));
    xml.attribute("text-anchor", anchor);
    xml.text(text);
    xml.end();
  };
  line(baseline);
  if (most > 0) {
    line(kPlotTop);
    label(kPlotLeft - 4, kPlotTop + 3.5, "end", std::to_string(most));
    label(kPlotLeft - 4, baseline + 3.5, "end", "0");
    label(kPlotLeft, baseline + 14, "start", from);
    label(kWidth - kPlotRight, baseline + 14, "end", to);
  }

  const double slot = chart.bars.empty() ? plot_width : plot_width / static_cast<double>(chart.bars.size());
  const double gap = std::min(2.0, slot * 0.2);
  for (size_t i = 0; i < chart.bars.size(); ++i) {
    size_t in_bar = 0;
    for (size_t count : chart.bars[i]) in_bar += count;
    xml.start("g");
    xml.attribute("class", "bar");
    xml.attribute("data-start", iso_utc(chart.start + chart.step_seconds * static_cast<int64_t>(i)));
    xml.attribute("data-count", std::to_string(in_bar));
    double top = baseline;
    for (size_t k = 0; k < chart.bars[i].size(); ++k) {
      if (chart.bars[i][k] == 0) continue;
      const double segment = kPlotHeight * static_cast<double>(chart.bars[i][k]) / static_cast<double>(most);
      top -= segment;
      xml.start("rect");
      xml.attribute("class", "s" + std::to_string(k));
      xml.attribute("data-series", std::to_string(k));
      xml.attribute("data-count", std::to_string(chart.bars[i][k]));
      xml.attribute("x", number(kPlotLeft + slot * static_cast<double>(i) + gap / 2));
      xml.attribute("y", number(top));
      xml.attribute("width", number(std::max(0.5, slot - gap)));
      xml.attribute("height", number(segment));
      xml.end();
    }
    xml.end();
  }

  for (size_t k = 0; k < chart.series.size(); ++k) {
    const double y = legend_top + kLegendRow * static_cast<double>(k);
    xml.start("g");
    xml.attribute("class", "legend");
    xml.attribute("data-series", std::to_string(k));
    xml.attribute("data-name", shortened_name(chart.series[k], kMostNameCharacters * 3));
    xml.start("rect");
    xml.attribute("class", "s" + std::to_string(k));
    xml.attribute("x", number(kPlotLeft));
    xml.attribute("y", number(y - 8.5));
    xml.attribute("width", "10");
    xml.attribute("height", "10");
    xml.attribute("rx", "2");
    xml.end();
    label(kPlotLeft + 15, y, "start", shortened_name(chart.series[k]) + " · " + std::to_string(chart.series_totals[k]));
    xml.end();
  }
  xml.end();
  return xml.finish();
}

}  // namespace storyline::serve
