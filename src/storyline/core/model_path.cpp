#include "storyline/core/model_path.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

namespace storyline {

std::optional<std::string> find_model(const std::string& name) {
  namespace fs = std::filesystem;
  std::error_code error;
  std::vector<fs::path> folders;
  if (const char* env = std::getenv("STORYLINE_MODELS"); env && *env) folders.emplace_back(env);
  const fs::path exe = fs::read_symlink("/proc/self/exe", error);
  if (!error) {
    folders.push_back(exe.parent_path() / "models");
    folders.push_back(exe.parent_path().parent_path() / "models");
  }
#ifdef STORYLINE_SOURCE_MODELS
  folders.emplace_back(STORYLINE_SOURCE_MODELS);
#endif
  for (const auto& folder : folders) {
    const fs::path candidate = folder / name;
    if (fs::is_regular_file(candidate, error)) return candidate.string();
  }
  return std::nullopt;
}

}  // namespace storyline
