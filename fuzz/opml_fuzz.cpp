// OPML reader: any bytes give feeds and problems or an InputError, never a crash; what it reads
// is written back as OPML that reads again.
#include <cstddef>
#include <cstdint>
#include <string>

#include "storyline/ingest/raw_input.h"
#include "storyline/sources/opml.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const auto result = storyline::sources::read_opml(std::string_view(reinterpret_cast<const char*>(data), size));
    std::vector<storyline::store::SourceRecord> sources;
    for (const auto& feed : result.feeds) {
      storyline::store::SourceRecord source;
      source.url = feed.xml_url;
      source.name = feed.name;
      source.html_url = feed.html_url;
      source.category = feed.category;
      sources.push_back(source);
    }
    storyline::sources::read_opml(storyline::sources::write_opml(sources));
  } catch (const storyline::ingest::InputError&) {
  }
  return 0;
}
