#include "storyline/text/html_entities.h"

#include <gtest/gtest.h>

using storyline::text::decode_html_entities;

TEST(HtmlEntities, NamedNumericAndWindows1252References) {
  EXPECT_EQ(decode_html_entities("Tom &amp; Jerry &eacute;t&#233; &#x2019; &apos;"),
            "Tom & Jerry \xC3\xA9t\xC3\xA9 \xE2\x80\x99 '");
  EXPECT_EQ(decode_html_entities("&#146;"), "\xE2\x80\x99");
}

TEST(HtmlEntities, LeavesUnknownAndBareAmpersands) {
  EXPECT_EQ(decode_html_entities("AT&T &notanentity; a & b"), "AT&T &notanentity; a & b");
}
