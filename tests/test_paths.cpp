#include "test_paths.h"

#include <filesystem>

namespace storyline::testing {

std::string source_dir() { return STORYLINE_SOURCE_DIR; }

std::optional<std::string> shared_dir() {
  const std::filesystem::path shared = std::filesystem::path(STORYLINE_SOURCE_DIR) / ".." / "shared";
  if (std::filesystem::is_directory(shared / "seeds")) return std::filesystem::canonical(shared).string();
  return std::nullopt;
}

std::string storyline_binary() { return STORYLINE_BINARY; }

}  // namespace storyline::testing
