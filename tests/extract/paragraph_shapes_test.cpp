// Boilerplate told by shape: which shape a paragraph has, and the lengths each shape judges.
#include "storyline/extract/paragraph_shapes.h"

#include <gtest/gtest.h>

#include <string>

using namespace storyline::extract;

namespace {

std::string_view shape_of(std::string_view paragraph) { return boilerplate_shape(fold_paragraph(paragraph)); }

}  // namespace

TEST(ParagraphShapes, NamesTheShapeFound) {
  EXPECT_EQ(shape_of("Abbildung 4: klassische Schwachschicht."), "figure_caption");
  EXPECT_EQ(shape_of("FIGURE 2: Share of renewables"), "figure_caption");  // folded before it is read
  EXPECT_EQ(shape_of("Warning: Creating default object in /var/www/x.php on line 12"), "server_error");
  EXPECT_EQ(shape_of("Yоur соntеnt іѕ dеlіvеrеd іnѕtаntlу"), "homoglyph_words");  // Cyrillic о, е, і, ѕ, а
  EXPECT_EQ(shape_of("Published: 11/18/2011 2:27 AM"), "time_line");
  EXPECT_EQ(shape_of("23. März 2017, aktualisiert 23. März 2017, 15:43 Uhr"), "time_line");
  EXPECT_EQ(shape_of("Figures released on Monday: unemployment fell."), "");
  EXPECT_EQ(shape_of("Published reports say the talks failed in 2019."), "");  // the number comes too late
}

TEST(ParagraphShapes, TimeLinesUpTo100CharactersOtherShapesUpTo300) {
  const std::string time_line = "Updated 2 hours ago ";
  EXPECT_EQ(shape_of(time_line + std::string(80, 'x')), "time_line");
  EXPECT_EQ(shape_of(time_line + std::string(81, 'x')), "");
  const std::string caption = "Figure 2: ";
  EXPECT_EQ(shape_of(caption + std::string(kLongestParagraphJudgedByShape - caption.size(), 'x')), "figure_caption");
  EXPECT_EQ(shape_of(caption + std::string(kLongestParagraphJudgedByShape + 1 - caption.size(), 'x')), "");
}
