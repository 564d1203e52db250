#pragma once
// OPML subscription lists, as feed readers import and export them: reading real-world files
// (folders nested to any depth, xmlUrl/htmlUrl, title or text, sloppy XML recovered where it can
// be) and writing OPML 2.0 with one folder outline per category.
#include <string>
#include <string_view>
#include <vector>

#include "storyline/store/source_record.h"

namespace storyline::sources {

struct OpmlFeed {
  std::string xml_url;  // normalized (normalized_http_url)
  std::optional<std::string> name;
  std::optional<std::string> html_url;
  std::optional<std::string> category;  // the folders it sits in, outermost first, joined with "/"
  int line = 0;
};

struct OpmlReadResult {
  std::vector<OpmlFeed> feeds;
  // One message per outline or part that was skipped: "line 12: outline 'X': xmlUrl '...' is
  // not an http(s) URL".
  std::vector<std::string> problems;
};

// Files over this size are refused (the largest real subscription lists are a few hundred KB).
inline constexpr size_t kMaxOpmlBytes = size_t{16} << 20;

// The source a feed of the list becomes (not yet stored: no id, no fetch state).
store::SourceRecord source_of(const OpmlFeed& feed);

// Throws ingest::InputError (with the line, where known) when the bytes are not OPML at all.
OpmlReadResult read_opml(std::string_view bytes);

// OPML 2.0 for the sources, folders from their categories.
std::string write_opml(const std::vector<store::SourceRecord>& sources, const std::string& title = "Storyline sources");

}  // namespace storyline::sources
