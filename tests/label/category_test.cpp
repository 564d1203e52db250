#include "storyline/label/category.h"

#include <gtest/gtest.h>

using namespace storyline::label;

// Messages and the page list the categories from this one function: it must name them all, in
// INTERFACE.md's order.
TEST(Category, JoinedNamesListEveryCategoryInOrder) {
  EXPECT_EQ(joined_category_names(), "society, economy, technology, science, sports, entertainment, other");
  EXPECT_EQ(joined_category_names(" "), "society economy technology science sports entertainment other");
}

TEST(Category, EveryNameReadsBackAsItsCategory) {
  for (size_t i = 0; i < kCategoryCount; ++i) EXPECT_EQ(category_from_name(kCategoryNames[i]), category_at(i));
  EXPECT_FALSE(category_from_name("gossip"));
  EXPECT_FALSE(category_from_name("Sports")) << "names are lower case, as INTERFACE.md writes them";
}
