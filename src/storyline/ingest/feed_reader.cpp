#include "storyline/ingest/feed_reader.h"

#include "storyline/ingest/feed_item.h"
#include "storyline/ingest/feed_json.h"
#include "storyline/ingest/feed_xml.h"

namespace storyline::ingest {

ReadResult read_feed(std::string_view utf8, InputFormat format, const RawInput& input) {
  if (utf8.starts_with("\xEF\xBB\xBF")) utf8.remove_prefix(3);
  ParsedFeed feed;
  switch (format) {
    case InputFormat::kJsonFeed: feed = parse_json_feed(utf8); break;
    case InputFormat::kRss:
    case InputFormat::kRdf:
    case InputFormat::kAtom: feed = parse_xml_feed(utf8, format_name(format)); break;
    default: throw InputError(std::string("a ") + format_name(format) + " input is not a feed");
  }
  const std::string label = std::string("the ") + format_name(format) + " feed";
  if (feed.items.empty()) {
    if (!feed.malformed.empty())
      throw InputError(label + " is malformed XML (" + feed.malformed + ") and no item could be read");
    throw InputError(label + " has no items");
  }
  if (!feed.malformed.empty())
    feed.problems.push_back(label + " is malformed XML (" + feed.malformed + "); the items before it were read");
  return feed_to_documents(feed, input);
}

}  // namespace storyline::ingest
