#pragma once
// Where tests find the repository, ../shared (the datasets and seeds) and the built executable.
#include <optional>
#include <string>

namespace storyline::testing {

std::string source_dir();
// ../shared next to the repository, or nullopt: tests that need it GTEST_SKIP() with a message.
std::optional<std::string> shared_dir();
std::string storyline_binary();

#define STORYLINE_REQUIRE_SHARED(var)                                                              \
  const auto var##_optional = ::storyline::testing::shared_dir();                                  \
  if (!var##_optional) GTEST_SKIP() << "../shared is absent: this test needs the shared datasets"; \
  const std::string var = *var##_optional

}  // namespace storyline::testing
