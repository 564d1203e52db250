#pragma once
// What kind of input a byte string is, decided from its content, never from a file name.
#include <string_view>

namespace storyline::ingest {

enum class InputFormat {
  kHtml,
  kPlainText,    // raw scraped article text
  kFrontMatter,  // "---" YAML front matter record (seed 000's layout)
  kJson,         // one JSON record or an array of records
  kJsonLines,
  kRss,  // RSS 0.9x / 2.0
  kRdf,  // RSS 1.0
  kAtom,
  kJsonFeed,
  kBinary,  // not text: refused
  kEmpty,
};

const char* format_name(InputFormat format);

// `utf8` is the decoded input (gzip already inflated, charset already converted).
InputFormat detect_format(std::string_view utf8);

}  // namespace storyline::ingest
