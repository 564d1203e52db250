#pragma once
// InputError: an input could not be read or made sense of. Thrown by the readers of every stage
// (core's file and gzip reading, ingest's formats, the sources' OPML) and reported by the caller.
#include <stdexcept>

namespace storyline {

// The message says what was wrong and, where known, where (line, field); the source is added by
// whoever reports it.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace storyline
