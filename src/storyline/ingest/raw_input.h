#pragma once
// RawInput: the bytes of one input as they arrived, before anything is decoded.
#include <optional>
#include <stdexcept>
#include <string>

namespace storyline::ingest {

struct RawInput {
  std::string source;              // file path, "-" for standard input, or URL
  std::string bytes;               // as read: maybe gzip, maybe any charset
  std::optional<std::string> url;  // the page's URL when known from outside (--url, HTTP)
};

// A reader could not make any document of an input. The message says what was wrong and, where
// known, where (line, field); the source is added by whoever reports it.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace storyline::ingest
