#pragma once
// RawInput: the bytes of one input as they arrived, before anything is decoded.
#include <optional>
#include <string>

#include "storyline/core/input_error.h"

namespace storyline::ingest {

struct RawInput {
  std::string source;              // file path, "-" for standard input, or URL
  std::string bytes;               // as read: maybe gzip, maybe any charset
  std::optional<std::string> url;  // the page's URL when known from outside (--url, HTTP)
};

// A reader could not make any document of an input (core/input_error.h).
using storyline::InputError;

}  // namespace storyline::ingest
