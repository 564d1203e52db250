#pragma once
// A hash map keyed by strings that is looked up by std::string_view without building a string
// (C++20 heterogeneous lookup: a transparent hash and std::equal_to<>).
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace storyline {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

}  // namespace storyline
