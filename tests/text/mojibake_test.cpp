#include "storyline/text/mojibake.h"

#include <gtest/gtest.h>

using storyline::text::repair_mojibake;

TEST(Mojibake, RepairsNoBreakSpaceReadAsLatin1) {
  // Seed 000: "in" + U+00C2 + U+00A0 + "Qatar" is a UTF-8 no-break space read as Latin-1.
  EXPECT_EQ(repair_mojibake("talks in\xC3\x82\xC2\xA0Qatar"), "talks in\xC2\xA0Qatar");
}

TEST(Mojibake, RepairsWindows1252Quotes) {
  // "It’s" whose right quote (E2 80 99) was read as Windows-1252 "â€™".
  EXPECT_EQ(repair_mojibake("It\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s"), "It\xE2\x80\x99s");
  EXPECT_EQ(repair_mojibake("caf\xC3\x83\xC2\xA9"), "caf\xC3\xA9");  // cafÃ© -> café
}

TEST(Mojibake, RepairsDoubleEncoding) {
  // é encoded to UTF-8, read as 1252, encoded again, read again.
  EXPECT_EQ(repair_mojibake("caf\xC3\x83\xC6\x92\xC3\x82\xC2\xA9"), "caf\xC3\xA9");
}

TEST(Mojibake, KeepsCorrectText) {
  for (const char* text : {"Türkiye’s request", "São Paulo", "Ãlvaro? no: Ã alone stays", "naïve café", "Ελληνικά", "日本語"}) {
    EXPECT_EQ(repair_mojibake(text), text);
  }
}
