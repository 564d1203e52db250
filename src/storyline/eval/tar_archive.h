#pragma once
// Reads the regular files of a (gzip-compressed) tar archive: the category datasets in
// ../shared/data ship as .tar.gz and are read in place, never unpacked into the repository.
// Hand-written (about 60 lines of ustar parsing over core/decompress.h) rather than adding
// libarchive for two fixed, well-formed archives.
#include <string>
#include <vector>

namespace storyline::label {

struct TarEntry {
  std::string path;
  std::string bytes;
};

// Every regular file in archive order. Throws std::runtime_error naming `path` when the file
// cannot be read or the archive is malformed.
std::vector<TarEntry> read_tar_gz(const std::string& path);

// The same, from the (already decompressed) tar bytes; `name` is for error messages.
std::vector<TarEntry> read_tar(const std::string& tar_bytes, const std::string& name);

}  // namespace storyline::label
