// Dates from context on any bytes: the first byte picks a language, the rest splits into title and text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "storyline/extract/context_date.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr std::string_view kLanguages[] = {"en", "es", "it", "nl", "ru", "de", "fr", "pt", "ja", "", "xx"};
  const std::string_view language = kLanguages[data[0] % std::size(kLanguages)];
  const std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);
  const size_t split = input.find('\n');
  const std::string_view title = split == std::string_view::npos ? std::string_view() : input.substr(0, split);
  const std::string_view text = split == std::string_view::npos ? input : input.substr(split + 1);
  storyline::extract::date_from_context(title, text, language);
  storyline::extract::date_from_context(title, text, language, 12000);
  return 0;
}
