#pragma once
// The seven document categories of INTERFACE.md by name, in the fixed order every model file
// uses: here, below every stage, so that a reader of records (ingest) checks a category as the
// labeller (label/category.h) names it, from the one list.
#include <algorithm>
#include <array>
#include <string_view>

namespace storyline {

inline constexpr std::array<std::string_view, 7> kCategoryNames = {"society", "economy",       "technology", "science",
                                                                   "sports",  "entertainment", "other"};

inline bool is_category_name(std::string_view name) {
  return std::find(kCategoryNames.begin(), kCategoryNames.end(), name) != kCategoryNames.end();
}

}  // namespace storyline
