// robots.txt rules: any file and any path, never a crash (and no runaway matching).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "storyline/sources/robots_rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const size_t split = bytes.find('\x01');
  const auto rules = storyline::sources::RobotsRules::parse(bytes.substr(0, split));
  rules.allows(split == std::string_view::npos ? std::string_view("/") : bytes.substr(split + 1));
  return 0;
}
