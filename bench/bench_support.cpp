#include "bench_support.h"

#include <sys/resource.h>

#include <filesystem>

namespace storyline::bench {

std::optional<std::string> shared_dir() {
  const std::filesystem::path shared = std::filesystem::path(STORYLINE_SOURCE_DIR) / ".." / "shared";
  if (std::filesystem::is_directory(shared / "data")) return std::filesystem::canonical(shared).string();
  return std::nullopt;
}

double peak_memory_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace storyline::bench
