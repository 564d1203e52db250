#include "storyline/label/section_category.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

using namespace storyline::label;

namespace {

// The category's name, or "none": failures then read "sports" vs "none" rather than as bytes.
std::string category_of(const std::string& url, const std::string& section = {}) {
  const auto category = section_category(url, section);
  return category ? std::string(category_name(*category)) : "none";
}

}  // namespace

TEST(SectionCategory, CompiledInTableParses) {
  // Parsing throws std::logic_error on a malformed line; the table holds hundreds of words.
  EXPECT_GT(section_word_count(), 500u);
}

TEST(SectionCategory, UrlPathSegmentsMap) {
  EXPECT_EQ(category_of("https://www.rbc.ru/politics/01/11/2019/5dbc0a8e9a7947"), "society");
  EXPECT_EQ(category_of("https://www.bbc.com/sport/football-12345"), "sports");
  EXPECT_EQ(category_of("https://www.tagesschau.de/wirtschaft/konjunktur/ifo-index-100.html"), "economy");
  EXPECT_EQ(category_of("/wirtschaft/"), "economy");  // a path alone works too
}

TEST(SectionCategory, PercentEncodedCyrillicSegmentMaps) {
  // "спорт" is in the table (ru/uk/bg: sports); its percent-encoded UTF-8 bytes are decoded first.
  EXPECT_EQ(category_of("https://example.ru/%D1%81%D0%BF%D0%BE%D1%80%D1%82/123"), "sports");
  EXPECT_EQ(category_of("https://example.ru/%d1%81%d0%bf%d0%be%d1%80%d1%82/123"), "sports");  // lower-case hex
  EXPECT_EQ(category_of("https://example.ru/спорт/123"), "sports");
}

TEST(SectionCategory, DeepestSegmentWins) {
  EXPECT_EQ(category_of("https://example.com/lifestyle/health/x"), "science");  // lifestyle alone is other
  EXPECT_EQ(category_of("https://example.com/lifestyle/x"), "other");
  EXPECT_EQ(category_of("https://example.com.br/economia/loteria/resultado"), "other");
  EXPECT_EQ(category_of("https://example.com.br/economia/resultado"), "economy");
}

TEST(SectionCategory, ScopeWordLosesToASpecificWordButCountsAlone) {
  EXPECT_EQ(category_of("https://example.com/sports/football/international/x"), "sports");
  EXPECT_EQ(category_of("https://example.com/world/sport/x"), "sports");
  EXPECT_EQ(category_of("https://example.com/world/x"), "society");
  EXPECT_EQ(category_of("https://example.com/world/"), "society");
}

TEST(SectionCategory, MetadataSectionWinsOverTheUrl) {
  EXPECT_EQ(category_of("https://example.com/sport/x", "Wirtschaft"), "economy");
  // A multi-word section name is read word by word.
  EXPECT_EQ(category_of("https://example.com/sport/x", "Latest Politics"), "society");
  // A section that names nothing leaves the decision to the URL.
  EXPECT_EQ(category_of("https://example.com/sport/x", "Zzqx Blorp"), "sports");
}

TEST(SectionCategory, UnknownSegmentsGiveNothing) {
  EXPECT_EQ(section_category("https://example.com/zzqx/blorp/12345"), std::nullopt);
  EXPECT_EQ(section_category("https://example.com/"), std::nullopt);
  EXPECT_EQ(section_category(""), std::nullopt);
  // Substrings do not count: "sportswear" is not "sports".
  EXPECT_EQ(section_category("https://example.com/sportswear/shoes"), std::nullopt);
  // Neither do the query or the fragment.
  EXPECT_EQ(section_category("https://example.com/zzqx?section=sport#sport"), std::nullopt);
}

TEST(SectionCategory, HostFirstLabelWhenThePathSaysNothing) {
  EXPECT_EQ(category_of("https://sport.example.com/x"), "sports");
  EXPECT_EQ(category_of("https://sport.example.com/world/x"), "society");  // the path comes first
  // A two-label host is a registered domain, not a section: "sport.com" is not read as a section.
  EXPECT_EQ(section_category("https://sport.com/x"), std::nullopt);
}

TEST(SectionCategory, CaseDoesNotMatter) {
  EXPECT_EQ(category_of("https://example.com/SPORT/x"), "sports");
  EXPECT_EQ(category_of("https://SPORT.example.com/x"), "sports");
  EXPECT_EQ(category_of("https://example.ru/%D0%A1%D0%9F%D0%9E%D0%A0%D0%A2/x"), "sports");  // "СПОРТ"
  EXPECT_EQ(category_of("", "POLITICS"), "society");
}

TEST(SectionCategory, SectionNamesAreTheMetadataSectionAndThePathButItsLastSegment) {
  EXPECT_EQ(section_names("https://example.com/Sport/%D0%A4%D1%83%D1%82%D0%B1%D0%BE%D0%BB/match.html?x=1#top", "World News"),
            (std::vector<std::string>{"world news", "sport", "футбол"}));
  EXPECT_EQ(section_names("https://example.com"), std::vector<std::string>{});
  EXPECT_EQ(section_names("/a//b/"), (std::vector<std::string>{"a", "b"}));
}
