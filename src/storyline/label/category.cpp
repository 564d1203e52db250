#include "storyline/label/category.h"

namespace storyline::label {

std::optional<Category> category_from_name(std::string_view name) {
  for (size_t i = 0; i < kCategoryCount; ++i)
    if (kCategoryNames[i] == name) return category_at(i);
  return std::nullopt;
}

std::string joined_category_names(std::string_view separator) {
  std::string joined;
  for (const std::string_view name : kCategoryNames) {
    if (!joined.empty()) joined += separator;
    joined += name;
  }
  return joined;
}

}  // namespace storyline::label
