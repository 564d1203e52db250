// The whole front door: any bytes (gzip, any charset, any format) to documents or InputError.
#include <cstddef>
#include <cstdint>
#include <string>

#include "storyline/ingest/read_documents.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  storyline::ingest::RawInput input{"fuzz", std::string(reinterpret_cast<const char*>(data), size), std::nullopt};
  try {
    storyline::ingest::read_documents(input);
  } catch (const storyline::ingest::InputError&) {
    // A clear refusal is a correct answer to bad input.
  }
  return 0;
}
