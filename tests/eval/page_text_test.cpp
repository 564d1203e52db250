#include "storyline/eval/page_text.h"

#include <gtest/gtest.h>

namespace storyline::extract {
namespace {

TEST(PageText, OneBlockPerLineWithListGlyphs) {
  const std::string page =
      ("<html><head><title>T</title><style>p{}</style></head><body><nav><ul><li><a href=/>Home</a></li>"
       "<li>World</li></ul></nav><h1>Big  <em>News</em></h1><p>First\n paragraph.<br>Second line.</p>"
       "<script>var x = 1;</script><div>Tail <span>text</span></div></body></html>");
  EXPECT_EQ(page_visible_text(page), "\u2022 Home\n\u2022 World\nBig News\nFirst paragraph.\nSecond line.\nTail text\n");
}

TEST(PageText, EmptyPage) { EXPECT_EQ(page_visible_text(""), ""); }

}  // namespace
}  // namespace storyline::extract
