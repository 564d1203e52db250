#pragma once
// A fresh folder in the temporary directory, unique per process and test, removed with what it
// holds at the end.
#include <unistd.h>

#include <filesystem>
#include <string>

namespace storyline::testing {

struct TempFolder {
  explicit TempFolder(const std::string& name = "folder")
      : path(std::filesystem::temp_directory_path() /
             ("storyline-" + name + "-" + std::to_string(getpid()) + "-" + std::to_string(counter++))) {
    std::filesystem::create_directories(path);
  }
  ~TempFolder() { std::filesystem::remove_all(path); }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  const std::filesystem::path path;
  static inline int counter = 0;
};

}  // namespace storyline::testing
