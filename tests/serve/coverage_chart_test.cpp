// The coverage chart (serve/coverage_chart.h): counted right, and an SVG that libxml2's strict
// parser reads (no recovery) with the bars and legend it should have, whatever names it holds.
#include "storyline/serve/coverage_chart.h"

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "serve/parsed_svg.h"
#include "storyline/core/document.h"

using namespace storyline::serve;
using storyline::Document;
using storyline::testing::parse_svg;

namespace {

Document published_by(const std::string& id, const std::string& domain, std::optional<std::string> published,
                      std::optional<std::string> site_name = std::nullopt) {
  Document document;
  document.id = id;
  document.url = "https://www." + domain + "/news/" + id;
  document.site_name = std::move(site_name);
  document.published = std::move(published);
  return document;
}

}  // namespace

// An hour of news: ten-minute steps, one bar per step (empty ones too), stacked by publisher.
TEST(CoverageChart, AnHourOfNewsInTenMinuteSteps) {
  const std::vector<Document> documents = {
      published_by("a1", "alpha.com", "2019-11-01T12:00:00Z", "Alpha <News> & \"Co\""),
      published_by("a2", "alpha.com", "2019-11-01T12:05:00Z"),
      published_by("b1", "beta.co.uk", "2019-11-01T13:10:00+01:00"),  // 12:10 UTC
      published_by("a3", "alpha.com", "2019-11-01T12:25:59Z"),
      published_by("b2", "beta.co.uk", "2019-11-01T12:40:00Z"),
      published_by("c1", "gamma.org", "2019-11-01T12:55:00Z"),
      published_by("undated", "gamma.org", std::nullopt),
  };
  const CoverageChart chart = count_coverage(documents);
  EXPECT_EQ(chart.step_seconds, 600);
  EXPECT_EQ(chart.undated, 1u);
  EXPECT_EQ(chart.series, (std::vector<std::string>{"Alpha <News> & \"Co\"", "beta.co.uk", "gamma.org"}));
  EXPECT_FALSE(chart.grouped_others);

  const auto svg = parse_svg(coverage_chart_svg(chart));
  ASSERT_TRUE(svg) << coverage_chart_svg(chart);
  ASSERT_EQ(svg->bars.size(), 6u);
  EXPECT_EQ(svg->bars[0].start, "2019-11-01T12:00:00Z");
  EXPECT_EQ(svg->bars[5].start, "2019-11-01T12:50:00Z");
  const std::vector<size_t> totals = {2, 1, 1, 0, 1, 1};
  for (size_t i = 0; i < totals.size(); ++i) {
    EXPECT_EQ(svg->bars[i].count, totals[i]) << "bar " << i;
    size_t stacked = 0;
    for (const auto& [series, count] : svg->bars[i].segments) stacked += count;
    EXPECT_EQ(stacked, totals[i]) << "the segments of bar " << i << " add up to it";
  }
  EXPECT_EQ(svg->bars[0].segments, (std::vector<std::pair<size_t, size_t>>{{0, 2}}));
  EXPECT_EQ(svg->bars[1].segments, (std::vector<std::pair<size_t, size_t>>{{1, 1}}));
  EXPECT_EQ(svg->legend, (std::vector<std::string>{"Alpha <News> & \"Co\"", "beta.co.uk", "gamma.org"}));
  EXPECT_NE(svg->title.find("6 articles per 10 minutes"), std::string::npos) << svg->title;
  EXPECT_NE(svg->title.find("1 undated"), std::string::npos) << svg->title;
}

// Past the few charted publishers the rest are one grey series; a single one left over is
// charted as itself.
TEST(CoverageChart, TheMostProlificPublishersAndTheOthers) {
  std::vector<Document> documents;
  const std::vector<std::pair<std::string, int>> publishers = {
      {"one.com", 5}, {"two.com", 4}, {"three.com", 3}, {"four.com", 2}, {"five.com", 1}};
  for (const auto& [domain, count] : publishers)
    for (int i = 0; i < count; ++i)
      documents.push_back(published_by(domain + std::to_string(i), domain, "2019-11-08T18:30:00Z"));
  CoverageChart chart = count_coverage(documents);
  EXPECT_EQ(chart.series.size(), 5u) << "five publishers: each its own";
  EXPECT_FALSE(chart.grouped_others);

  documents.push_back(published_by("six", "six.com", "2019-11-08T18:31:00Z"));
  chart = count_coverage(documents);
  EXPECT_EQ(chart.series, (std::vector<std::string>{"one.com", "two.com", "three.com", "four.com", kOtherPublishers}));
  EXPECT_EQ(chart.series_totals, (std::vector<size_t>{5, 4, 3, 2, 2}));
  EXPECT_TRUE(chart.grouped_others);
  const auto svg = parse_svg(coverage_chart_svg(chart));
  ASSERT_TRUE(svg);
  ASSERT_EQ(svg->bars.size(), 1u);
  EXPECT_EQ(svg->bars[0].count, 16u);
  EXPECT_EQ(svg->bars[0].segments.size(), 5u);
}

// Hours over a few days, days beyond, and never more than kMostBars bars however long it runs.
TEST(CoverageChart, TimeStepsFollowTheStorysSpan) {
  const auto span = [](const std::string& first, const std::string& last) {
    return count_coverage({published_by("first", "a.com", first), published_by("last", "b.com", last)});
  };
  const CoverageChart two_days = span("2019-11-01T12:30:00Z", "2019-11-03T11:00:00Z");
  EXPECT_EQ(two_days.step_seconds, 3600);
  EXPECT_EQ(two_days.bars.size(), 48u);
  const CoverageChart ten_days = span("2019-11-01T12:30:00Z", "2019-11-10T11:00:00Z");
  EXPECT_EQ(ten_days.step_seconds, 86400);
  EXPECT_EQ(ten_days.bars.size(), 10u);
  EXPECT_EQ(ten_days.start, 1572566400) << "days start at midnight UTC";
  const CoverageChart years = span("2015-01-01T00:00:00Z", "2019-11-10T11:00:00Z");
  EXPECT_LE(years.bars.size(), kMostBars);
  EXPECT_EQ(years.step_seconds % 86400, 0);
  const auto svg = parse_svg(coverage_chart_svg(years));
  ASSERT_TRUE(svg);
  EXPECT_EQ(svg->bars.size(), years.bars.size());
  EXPECT_EQ(svg->bars.front().count + svg->bars.back().count, 2u);
}

// Control characters, broken UTF-8 and markup in a publisher's name never break the document;
// a very long name is cut in the legend.
TEST(CoverageChart, AnyNameGivesAWellFormedChart) {
  const std::string hostile = "Bad\x01 <script>alert(1)</script> \xff name ]]> &amp; " + std::string(200, 'x');
  const CoverageChart chart = count_coverage({published_by("a", "a.com", "2019-11-01T12:00:00Z", hostile)});
  const std::string text = coverage_chart_svg(chart);
  const auto svg = parse_svg(text);
  ASSERT_TRUE(svg) << text;
  EXPECT_EQ(text.find("<script"), std::string::npos);
  ASSERT_EQ(svg->legend_text.size(), 1u);
  EXPECT_LT(svg->legend_text[0].size(), 80u) << svg->legend_text[0];
  EXPECT_LT(text.size(), 4000u);
}

TEST(CoverageChart, AStoryWithoutDatesSaysSo) {
  const CoverageChart chart = count_coverage(
      {published_by("a", "a.com", std::nullopt), published_by("b", "b.com", "someday")});
  EXPECT_EQ(chart.undated, 2u);
  EXPECT_TRUE(chart.bars.empty());
  const auto svg = parse_svg(coverage_chart_svg(chart));
  ASSERT_TRUE(svg);
  EXPECT_TRUE(svg->bars.empty());
  EXPECT_NE(svg->title.find("No dated articles"), std::string::npos) << svg->title;
}

// Five publishers are all charted as themselves (a fifth is not "Other publishers" of one), each
// in a colour of its own: the fifth had the first one's.
TEST(CoverageChart, FivePublishersHaveFiveColours) {
  std::vector<Document> documents;
  for (const char* domain : {"a.com", "b.com", "c.com", "d.com", "e.com"})
    documents.push_back(published_by(domain, domain, "2019-11-01T12:00:00Z"));
  const CoverageChart chart = count_coverage(documents);
  ASSERT_EQ(chart.series.size(), 5u);
  EXPECT_FALSE(chart.grouped_others);
  const std::string text = coverage_chart_svg(chart);
  std::set<std::string> fills;
  for (size_t k = 0; k < 5; ++k) {
    const std::string rule = ".s" + std::to_string(k) + "{fill:";
    const size_t at = text.find(rule);
    ASSERT_NE(at, std::string::npos) << text;
    fills.insert(text.substr(at + rule.size(), 7));
  }
  EXPECT_EQ(fills.size(), 5u) << text;
}

// Copies are counted under their publishers, a copy naming only its site under the site's
// domain, and said to be copies: the story counts them apart from its articles.
TEST(CoverageChart, CopiesAreCountedUnderTheirPublishersAndNamedAsCopies) {
  const std::vector<Document> articles = {published_by("a1", "alpha.com", "2019-11-01T12:00:00Z", "Alpha")};
  Document named_only;
  named_only.id = "record";
  named_only.site_name = "Alpha";
  named_only.published = "2019-11-01T12:20:00Z";
  const std::vector<Document> copies = {named_only, published_by("w1", "wire.net", "2019-11-01T12:30:00Z", "Wire")};
  const CoverageChart chart = count_coverage(articles, copies);
  EXPECT_EQ(chart.series, (std::vector<std::string>{"Alpha", "Wire"}));
  EXPECT_EQ(chart.series_totals, (std::vector<size_t>{2, 1}));
  EXPECT_EQ(chart.copies, 2u);
  const auto svg = parse_svg(coverage_chart_svg(chart));
  ASSERT_TRUE(svg);
  EXPECT_NE(svg->title.find("1 article and 2 copies per 10 minutes"), std::string::npos) << svg->title;
}
