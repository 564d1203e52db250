#pragma once
// JSON Feed 1.0 and 1.1 (jsonfeed.org) with nlohmann-json.
#include <string_view>

#include "storyline/ingest/feed_item.h"

namespace storyline::ingest {

// Throws InputError when the text is not JSON or not a JSON Feed object.
ParsedFeed parse_json_feed(std::string_view utf8);

}  // namespace storyline::ingest
