// HTML extraction on any (valid UTF-8) markup: never throws, never crashes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "storyline/extract/html_extractor.h"
#include "storyline/text/encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string html = storyline::text::make_valid_utf8(std::string_view(reinterpret_cast<const char*>(data), size));
  storyline::extract::extract_html(html,
                                   storyline::extract::PageContext{"fuzz", "https://example.com/a/b.html", std::nullopt});
  return 0;
}
