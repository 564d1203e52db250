// Feed readers: the first byte picks RSS, RSS 1.0, Atom or JSON Feed; the rest is the feed.
#include <cstddef>
#include <cstdint>
#include <string>

#include "storyline/ingest/feed_reader.h"
#include "storyline/text/encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using storyline::ingest::InputFormat;
  if (size == 0) return 0;
  static constexpr InputFormat kFormats[] = {InputFormat::kRss, InputFormat::kRdf, InputFormat::kAtom,
                                             InputFormat::kJsonFeed};
  const InputFormat format = kFormats[data[0] % 4];
  const std::string feed = storyline::text::make_valid_utf8(
      std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  try {
    storyline::ingest::read_feed(feed, format, storyline::ingest::RawInput{"fuzz", {}, std::nullopt});
  } catch (const storyline::ingest::InputError&) {
  }
  return 0;
}
