#include "storyline/text/encoding.h"

#include <gtest/gtest.h>

using namespace storyline::text;

TEST(Encoding, DeclaredCharsetFromXmlAndMeta) {
  EXPECT_EQ(declared_charset("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>"), "iso-8859-1");
  EXPECT_EQ(declared_charset("<html><head><meta charset=\"windows-1251\">"), "windows-1251");
  EXPECT_EQ(declared_charset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"), "gb2312");
  EXPECT_FALSE(declared_charset("<html><body>no charset</body></html>").has_value());
}

TEST(Encoding, ConvertsLatin1AndWindows1252) {
  EXPECT_EQ(to_utf8("caf\xE9", "iso-8859-1"), "caf\xC3\xA9");
  EXPECT_EQ(to_utf8("\x93quoted\x94", "windows-1252"), "\xE2\x80\x9Cquoted\xE2\x80\x9D");
}

TEST(Encoding, Utf8DeclaredAsLatin1StaysUtf8) {
  EXPECT_EQ(to_utf8("caf\xC3\xA9 cr\xC3\xA8me", "iso-8859-1"), "caf\xC3\xA9 cr\xC3\xA8me");
}

TEST(Encoding, ByteOrderMarks) {
  EXPECT_EQ(to_utf8("\xEF\xBB\xBFhello"), "hello");
  EXPECT_EQ(to_utf8(std::string("\xFF\xFEh\0i\0", 6)), "hi");
}

TEST(Encoding, DetectsUndeclaredCyrillic) {
  // "Привет мир, это новости дня" in windows-1251, long enough for detection.
  const std::string cp1251 =
      "\xCF\xF0\xE8\xE2\xE5\xF2 \xEC\xE8\xF0, \xFD\xF2\xEE \xED\xEE\xE2\xEE\xF1\xF2\xE8 \xE4\xED\xFF. "
      "\xCF\xF0\xE5\xE7\xE8\xE4\xE5\xED\xF2 \xF1\xEA\xE0\xE7\xE0\xEB, \xF7\xF2\xEE \xEF\xE5\xF0\xE5\xE3\xEE\xE2\xEE\xF0\xFB "
      "\xE1\xF3\xE4\xF3\xF2 \xEF\xF0\xEE\xE4\xEE\xEB\xE6\xE5\xED\xFB.";
  const std::string utf8 = to_utf8(cp1251);
  EXPECT_TRUE(is_valid_utf8(utf8));
  EXPECT_NE(utf8.find("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"), std::string::npos) << utf8;  // Привет
}

TEST(Encoding, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(make_valid_utf8("ok\xFF\xFEok"), "ok\xEF\xBF\xBD\xEF\xBF\xBDok");
  EXPECT_TRUE(is_valid_utf8(to_utf8("truncated \xE2\x80", "utf-8")));
}

TEST(Encoding, Utf8DeclaredAsADoubleByteCharsetStaysUtf8) {
  std::string utf8, gb2312;
  for (int i = 0; i < 10; ++i) {
    utf8 += "\xE4\xBD\xA0\xE5\xA5\xBD\xE4\xB8\x96\xE7\x95\x8C ";  // 你好世界 in UTF-8
    gb2312 += "\xC4\xE3\xBA\xC3\xCA\xC0\xBD\xE7 ";                // the same in GB2312
  }
  // A page saved again as UTF-8 that kept its old <meta charset=gb2312>.
  EXPECT_EQ(to_utf8(utf8, "gb2312"), utf8);
  // A real GB2312 page is read as it says.
  EXPECT_EQ(to_utf8(gb2312, "gb2312"), utf8);
  // Too few non-ASCII bytes to overrule the declaration.
  EXPECT_EQ(to_utf8("\xC4\xE3", "gb2312"), "\xE4\xBD\xA0");
}
