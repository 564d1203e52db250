#pragma once
// The seven document categories of INTERFACE.md, in the fixed order every model file uses.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "storyline/core/category_names.h"

namespace storyline::label {

enum class Category : uint8_t { kSociety, kEconomy, kTechnology, kScience, kSports, kEntertainment, kOther };

inline constexpr size_t kCategoryCount = 7;

using storyline::kCategoryNames;  // core/category_names.h: the one list
static_assert(kCategoryNames.size() == kCategoryCount);

inline constexpr std::string_view category_name(Category category) { return kCategoryNames[static_cast<size_t>(category)]; }

inline constexpr Category category_at(size_t index) { return static_cast<Category>(index); }

std::optional<Category> category_from_name(std::string_view name);

// The names in order, joined by `separator`: how messages (and the page) list the categories,
// so that none keeps a copy of the list.
std::string joined_category_names(std::string_view separator = ", ");

}  // namespace storyline::label
