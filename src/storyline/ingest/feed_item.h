#pragma once
// What the feed parsers read from one feed, before it becomes documents: the raw fields of each
// item as the feed wrote them (HTML still escaped, dates unparsed), and the channel's own.
#include <optional>
#include <string>
#include <vector>

#include "storyline/core/document.h"
#include "storyline/ingest/raw_input.h"
#include "storyline/ingest/read_result.h"

namespace storyline::ingest {

// A piece of feed text and whether it is HTML (Atom type="html", RSS description) or plain.
struct FeedText {
  std::string value;
  bool is_html = false;
  bool empty() const { return value.find_first_not_of(" \t\r\n") == std::string::npos; }
};

struct FeedItem {
  FeedText title;
  std::string url;
  std::string id;
  std::vector<std::string> dates;  // in order of preference: published first, updated last
  std::vector<std::string> authors;
  FeedText summary;  // RSS description, Atom summary, JSON Feed summary: often a teaser
  FeedText body;     // content:encoded, Atom content, content_html / content_text
  std::vector<Image> images;
  std::string language;
  std::vector<std::string> categories;  // RSS <category>, Atom <category term>: the publisher's sections
  bool audio = false;                   // an audio enclosure or iTunes episode fields: a podcast episode
};

struct FeedChannel {
  std::string title;
  std::string link;
  std::string language;
  std::vector<std::string> authors;  // Atom: inherited by entries without their own
};

struct ParsedFeed {
  FeedChannel channel;
  std::vector<FeedItem> items;
  std::vector<std::string> problems;
  std::string malformed;  // what the parser had to recover from ("line 7: ..."), if anything
};

// One document per item; items with neither title nor text are skipped with a problem.
ReadResult feed_to_documents(const ParsedFeed& feed, const RawInput& input);

}  // namespace storyline::ingest
