// Charset detection and conversion, and mojibake repair: always valid UTF-8 out.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include "storyline/text/encoding.h"
#include "storyline/text/mojibake.h"
#include "storyline/text/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace storyline::text;
  if (size == 0) return 0;
  static const char* kDeclared[] = {nullptr,  "utf-8",     "iso-8859-1", "windows-1251",
                                    "gb2312", "shift_jis", "utf-16le",   "no-such-charset"};
  const char* declared = kDeclared[data[0] % 8];
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::string utf8 = declared ? to_utf8(bytes, std::string_view(declared)) : to_utf8(bytes);
  if (!is_valid_utf8(utf8)) std::abort();
  declared_charset(bytes);
  const std::string repaired = repair_mojibake(utf8);
  if (!is_valid_utf8(repaired)) std::abort();
  if (!is_valid_utf8(clean_body(repaired))) std::abort();
  return 0;
}
