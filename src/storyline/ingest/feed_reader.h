#pragma once
// Feed readers: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom and JSON Feed. One document per item; item
// bodies (content:encoded, Atom content, content_html) go through HTML extraction.
#include <string_view>

#include "storyline/ingest/input_format.h"
#include "storyline/ingest/raw_input.h"
#include "storyline/ingest/read_result.h"

namespace storyline::ingest {

// `utf8` is the whole feed, already UTF-8 (any encoding declaration inside it is ignored).
// Throws InputError when nothing of the feed can be read.
ReadResult read_feed(std::string_view utf8, InputFormat format, const RawInput& input);

}  // namespace storyline::ingest
