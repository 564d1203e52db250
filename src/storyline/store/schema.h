#pragma once
// The store's schema as an ordered list of migrations; PRAGMA user_version records how many have
// run. Never edit a released migration: add a new one.
#include <string_view>
#include <vector>

namespace storyline::store {

const std::vector<std::string_view>& migrations();

}  // namespace storyline::store
