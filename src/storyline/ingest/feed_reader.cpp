#include "storyline/ingest/feed_reader.h"

namespace storyline::ingest {

ReadResult read_feed(std::string_view, InputFormat format, const RawInput&) {
  throw InputError(std::string(format_name(format)) + " feeds are not read yet");
}

}  // namespace storyline::ingest
