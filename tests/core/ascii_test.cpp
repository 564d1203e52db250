#include "storyline/core/ascii.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

using namespace storyline;

TEST(Ascii, LowerChangesOnlyAsciiCapitals) {
  EXPECT_EQ(lower_ascii("Content-Type: TEXT/HTML"), "content-type: text/html");
  EXPECT_EQ(lower_ascii("ÄÖÜ Straße İ"), "ÄÖÜ straße İ");  // UTF-8 bytes as they are
  EXPECT_EQ(lower_ascii(""), "");
}

TEST(Ascii, TrimTakesTheCharactersItIsGiven) {
  EXPECT_EQ(trim("  \t a b \r\n"), "a b");
  EXPECT_EQ(trim("\f\va\v\f"), "a");                 // the C locale's whitespace by default
  EXPECT_EQ(trim("\f a \f", kXmlSpace), "\f a \f");  // XML's keeps form feeds
  EXPECT_EQ(trim(" \n a \n ", kXmlSpace), "a");
  EXPECT_EQ(trim("\t a \t", " "), "\t a \t");
  EXPECT_EQ(trim(" \t\r\n"), "");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trimmed("  x  "), "x");
}

TEST(Ascii, ContainsAnyOfAListOrAnArray) {
  EXPECT_TRUE(contains_any("download on the app store", {"google play", "app store"}));
  EXPECT_FALSE(contains_any("download on the App Store", {"app store"}));  // byte for byte
  constexpr std::string_view kPhrases[] = {"newsletter", "sign up"};
  EXPECT_TRUE(contains_any("please sign up today", kPhrases));
  EXPECT_FALSE(contains_any("", kPhrases));
  const std::vector<std::string> words = {"x", "y"};
  EXPECT_TRUE(contains_any("xyz", words));
}

// HTTP list headers ("120, 120", "public, max-age=60") read element by element; an empty element
// is kept so that a caller can refuse it.
TEST(Ascii, ListElementsAreTrimmedAndEmptyOnesKept) {
  EXPECT_EQ(storyline::list_elements("public, max-age=60 "), (std::vector<std::string_view>{"public", "max-age=60"}));
  EXPECT_EQ(storyline::list_elements("5,,5"), (std::vector<std::string_view>{"5", "", "5"}));
  EXPECT_EQ(storyline::list_elements(""), (std::vector<std::string_view>{""}));
}

TEST(Ascii, DecimalDigitsAreDigitsOnly) {
  EXPECT_EQ(storyline::decimal_digits("3600"), 3600u);
  EXPECT_EQ(storyline::decimal_digits("0"), 0u);
  for (std::string_view bad : {"", "-5", "+5", " 5", "12abc", "0x10", "99999999999999999999999"})
    EXPECT_FALSE(storyline::decimal_digits(bad)) << bad;
}
