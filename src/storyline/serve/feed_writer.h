#pragma once
// Storyline's own output as a feed any reader can follow: one model, written as Atom (RFC 4287)
// or as JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). The routes that fill it are in
// feed_routes.cpp; here is only how a feed is written.
#include <optional>
#include <string>
#include <vector>

namespace storyline::serve {

inline constexpr const char* kAtomContentType = "application/atom+xml; charset=utf-8";
inline constexpr const char* kJsonFeedContentType = "application/feed+json; charset=utf-8";

// A story or an article. Times are RFC 3339 ("2021-10-09T09:07:00Z").
struct FeedEntry {
  std::string id;  // a URI that never changes for the same story or article
  std::string title;
  std::string link;                          // its page in Storyline's web page
  std::optional<std::string> external_link;  // the original article, when it has a web address
  std::string updated;                       // when it last changed (never the time it was asked for)
  std::optional<std::string> published;
  std::vector<std::string> authors;     // bylines, else publishers
  std::string summary;                  // plain text
  std::optional<std::string> language;  // ISO 639-1
  std::vector<std::string> categories;
};

struct Feed {
  std::string id;  // a URI that never changes for the same feed
  std::string title;
  std::string self_link;  // this feed's own address
  std::string page_link;  // the web page that shows the same
  std::string updated;    // the newest entry's time
  std::vector<FeedEntry> entries;
};

// Text that XML 1.0 cannot carry (control characters, U+FFFE, U+FFFF) is left out and invalid
// UTF-8 becomes U+FFFD, so any title gives a well-formed document.
std::string write_atom(const Feed& feed);
std::string write_json_feed(const Feed& feed);

}  // namespace storyline::serve
