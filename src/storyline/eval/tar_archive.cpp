#include "storyline/eval/tar_archive.h"

#include <stdexcept>
#include <string_view>

#include "storyline/core/decompress.h"
#include "storyline/core/input_files.h"

namespace storyline::label {
namespace {

constexpr size_t kBlock = 512;

std::string_view field(std::string_view header, size_t offset, size_t length) {
  std::string_view value = header.substr(offset, length);
  const size_t end = value.find('\0');
  return end == std::string_view::npos ? value : value.substr(0, end);
}

// Sizes are octal ASCII, NUL- or space-terminated.
size_t octal(std::string_view digits, const std::string& name) {
  size_t value = 0;
  for (char c : digits) {
    if (c == ' ' || c == '\0') continue;
    if (c < '0' || c > '7') throw std::runtime_error(name + ": malformed tar header (size)");
    if (value > (size_t{1} << 40)) throw std::runtime_error(name + ": tar entry too large");
    value = value * 8 + static_cast<size_t>(c - '0');
  }
  return value;
}

}  // namespace

std::vector<TarEntry> read_tar(const std::string& tar_bytes, const std::string& name) {
  std::vector<TarEntry> entries;
  std::string_view bytes = tar_bytes;
  std::string long_name;  // GNU 'L' entries carry the next entry's long path
  size_t position = 0;
  while (position + kBlock <= bytes.size()) {
    const std::string_view header = bytes.substr(position, kBlock);
    if (header.find_first_not_of('\0') == std::string_view::npos) break;  // end-of-archive blocks
    const size_t size = octal(field(header, 124, 12), name);
    const char type = header[156];
    position += kBlock;
    if (size > bytes.size() - position) throw std::runtime_error(name + ": truncated tar archive");
    std::string_view content = bytes.substr(position, size);
    position += (size + kBlock - 1) / kBlock * kBlock;

    std::string path;
    if (!long_name.empty()) {
      path = std::move(long_name);
      long_name.clear();
    } else {
      const std::string_view prefix = field(header, 345, 155);
      path = prefix.empty() ? std::string(field(header, 0, 100))
                            : std::string(prefix) + "/" + std::string(field(header, 0, 100));
    }
    if (type == 'L') {
      long_name = std::string(field(content, 0, content.size()));
    } else if (type == '0' || type == '\0') {
      entries.push_back({std::move(path), std::string(content)});
    }
  }
  return entries;
}

std::vector<TarEntry> read_tar_gz(const std::string& path) {
  try {
    return read_tar(gunzip(read_file_bytes(path)), path);
  } catch (const std::runtime_error&) {
    throw;
  } catch (const std::exception& error) {
    throw std::runtime_error(path + ": " + error.what());
  }
}

}  // namespace storyline::label
