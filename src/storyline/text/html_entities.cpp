#include "storyline/text/html_entities.h"

#include <libxml/HTMLparser.h>

#include <cstdlib>

#include "storyline/text/utf8.h"

namespace storyline::text {

std::string decode_html_entities(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  std::string result;
  result.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t amp = text.find('&', pos);
    if (amp == std::string_view::npos) {
      result.append(text.substr(pos));
      break;
    }
    result.append(text.substr(pos, amp - pos));
    const size_t semicolon = text.find(';', amp + 1);
    if (semicolon == std::string_view::npos || semicolon - amp > 12) {
      result += '&';
      pos = amp + 1;
      continue;
    }
    const std::string name(text.substr(amp + 1, semicolon - amp - 1));
    char32_t cp = 0;
    if (name.size() > 1 && name[0] == '#') {
      char* end = nullptr;
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const unsigned long value = std::strtoul(name.c_str() + (hex ? 2 : 1), &end, hex ? 16 : 10);
      if (end && *end == '\0' && value > 0 && value <= 0x10FFFF) cp = static_cast<char32_t>(value);
      // Numeric references 128-159 mean Windows-1252 characters in practice (HTML5 does the same).
      static constexpr char32_t kC1[32] = {0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                           0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
                                           0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                           0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
      if (cp >= 0x80 && cp <= 0x9F) cp = kC1[cp - 0x80];
      if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
    } else if (name == "apos") {
      cp = '\'';
    } else if (const htmlEntityDesc* entity = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()))) {
      cp = entity->value;
    }
    if (cp == 0) {
      result.append(text.substr(amp, semicolon - amp + 1));
    } else {
      append_utf8(result, cp);
    }
    pos = semicolon + 1;
  }
  return result;
}

}  // namespace storyline::text
