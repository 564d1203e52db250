#include "storyline/core/input_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <system_error>

#include "storyline/core/input_error.h"

namespace storyline {

namespace fs = std::filesystem;

InputFileList list_input_files(const std::vector<std::string>& paths) {
  InputFileList list;
  for (const auto& path : paths) {
    if (path == "-") {
      list.files.push_back(path);
      continue;
    }
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      // A link that loops says so ("too many levels of symbolic links"), not "no such file".
      list.problems.push_back(path + ": " + (error ? error.message() : std::string("no such file or directory")) +
                              "; skipped");
      continue;
    }
    if (!fs::is_directory(status)) {
      list.files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, error), end;
         !error && it != end; it.increment(error)) {
      const std::string name = it->path().filename().string();
      // Asked with an error code: a symbolic link that loops or points nowhere cannot be stat'ed,
      // and the throwing form aborted the whole walk (SIGABRT from an uncaught filesystem_error).
      std::error_code entry_error;
      if (name.starts_with('.')) {  // hidden files and folders (.git) are not news
        if (it->is_directory(entry_error)) it.disable_recursion_pending();
        continue;
      }
      const bool regular = it->is_regular_file(entry_error);
      if (entry_error) list.problems.push_back(it->path().string() + ": " + entry_error.message() + "; skipped");
      else if (regular) found.push_back(it->path().string());
    }
    if (error) list.problems.push_back(path + ": " + error.message());
    std::sort(found.begin(), found.end());
    list.files.insert(list.files.end(), found.begin(), found.end());
  }
  return list;
}

std::string read_file_bytes(const std::string& path) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return buffer.str();
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) throw InputError("cannot open the file");
  std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  if (file.bad()) throw InputError("read error");
  return bytes;
}

}  // namespace storyline
