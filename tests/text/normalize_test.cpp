#include "storyline/text/normalize.h"

#include <gtest/gtest.h>

using namespace storyline::text;

TEST(Normalize, BodyParagraphsJoinedByOneBlankLine) {
  EXPECT_EQ(clean_body("  First   paragraph.\r\n\r\n\r\n\tSecond\xC2\xA0one. \nThird."),
            "First paragraph.\n\nSecond one.\n\nThird.");
}

TEST(Normalize, InlineTextOnOneLine) {
  EXPECT_EQ(clean_inline(" A\n headline\xE2\x80\x8B with\xC2\xAD zero width "), "A headline with zero width");
}

TEST(Normalize, ComposesToNfc) {
  EXPECT_EQ(to_nfc("Tu\xCC\x88rkiye"), "T\xC3\xBCrkiye");  // u + combining diaeresis -> ü
}

TEST(Normalize, RepairsMojibakeInline) { EXPECT_EQ(clean_inline("in\xC3\x82\xC2\xA0Qatar"), "in Qatar"); }
