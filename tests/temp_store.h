#pragma once
// A store file in the temporary directory, unique per process and test, removed with its WAL
// files at the end.
#include <unistd.h>

#include <filesystem>
#include <string>

namespace storyline::testing {

struct TempStore {
  explicit TempStore(const std::string& name = "store")
      : path((std::filesystem::temp_directory_path() /
              ("storyline-" + name + "-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + ".db"))
                 .string()) {}
  ~TempStore() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  }
  TempStore(const TempStore&) = delete;
  TempStore& operator=(const TempStore&) = delete;

  const std::string path;
  static inline int counter = 0;
};

}  // namespace storyline::testing
