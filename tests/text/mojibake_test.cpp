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
  for (const char* text :
       {"Türkiye’s request", "São Paulo", "Ãlvaro? no: Ã alone stays", "naïve café", "Ελληνικά", "日本語"}) {
    EXPECT_EQ(repair_mojibake(text), text);
  }
}

TEST(Mojibake, RepairsEveryKindOfMisreadContinuationByte) {
  // The continuation byte read as Latin-1 (C2 xx), as a 1252 letter (C5 xx) or punctuation (E2 xx).
  EXPECT_EQ(repair_mojibake("gr\xC3\x83\xC2\xBC\xC3\x83\xC5\xB8"
                            "e"),
            "gr\xC3\xBC\xC3\x9F"
            "e");                                                              // grÃ¼ÃŸe -> grüße
  EXPECT_EQ(repair_mojibake("\xC3\x83\xE2\x80\x9Egypten"), "\xC3\x84gypten");  // Ã„gypten -> Ägypten
  // A letter that only looks like a lead byte, before ordinary text, is left alone.
  EXPECT_EQ(repair_mojibake("Gr\xC3\xBC\xC3\x9F"
                            "e aus K\xC3\xB6ln"),
            "Gr\xC3\xBC\xC3\x9F"
            "e aus K\xC3\xB6ln");
}
