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
