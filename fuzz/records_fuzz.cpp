// Record readers: the first byte picks front matter, JSON or JSON Lines; the rest is the record.
#include <cstddef>
#include <cstdint>
#include <string>

#include "storyline/ingest/record_reader.h"
#include "storyline/text/encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string text = storyline::text::make_valid_utf8(
      std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  const storyline::ingest::RawInput input{"fuzz", {}, std::nullopt};
  try {
    switch (data[0] % 3) {
      case 0: storyline::ingest::read_front_matter_record(text, input); break;
      case 1: storyline::ingest::read_json_records(text, input); break;
      default: storyline::ingest::read_json_lines(text, input); break;
    }
  } catch (const storyline::ingest::InputError&) {
  }
  return 0;
}
