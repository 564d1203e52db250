#include "storyline/core/hash.h"

namespace storyline {

std::string hex64(uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string result(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) result[static_cast<size_t>(i)] = kDigits[value & 0xF];
  return result;
}

}  // namespace storyline
