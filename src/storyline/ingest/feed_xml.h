#pragma once
// RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 with libxml2's XML parser. The parser never
// touches the network or the file system, never substitutes entities (so entity bombs stay
// small), and recovers what it can of broken feeds.
#include <string_view>

#include "storyline/ingest/feed_item.h"

namespace storyline::ingest {

// `utf8` is the feed, already UTF-8. `format_label` names the feed in errors ("RSS", "Atom").
// Throws InputError when the XML holds no feed at all.
ParsedFeed parse_xml_feed(std::string_view utf8, const char* format_label);

}  // namespace storyline::ingest
