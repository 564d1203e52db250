#include "storyline/label/category.h"

namespace storyline::label {

std::optional<Category> category_from_name(std::string_view name) {
  for (size_t i = 0; i < kCategoryCount; ++i)
    if (kCategoryNames[i] == name) return category_at(i);
  return std::nullopt;
}

}  // namespace storyline::label
