#pragma once
// Expands the paths a user names into the files to read: a directory is read recursively (in
// sorted order, so runs are reproducible), "-" stands for standard input.
#include <string>
#include <vector>

namespace storyline {

struct InputFileList {
  std::vector<std::string> files;
  std::vector<std::string> problems;  // "PATH: no such file or directory"
};

InputFileList list_input_files(const std::vector<std::string>& paths);

// Reads a whole file ("-" = standard input). Throws InputError saying why it could not.
std::string read_file_bytes(const std::string& path);

}  // namespace storyline
