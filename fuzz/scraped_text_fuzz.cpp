// Scraped-text extraction on any (valid UTF-8) text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "storyline/extract/scraped_text_extractor.h"
#include "storyline/text/encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text = storyline::text::make_valid_utf8(std::string_view(reinterpret_cast<const char*>(data), size));
  storyline::extract::extract_scraped_text(text, storyline::extract::PageContext{"fuzz", std::nullopt, std::nullopt});
  return 0;
}
