#pragma once
// Feed dates to ISO 8601. Feeds write dates in two syntaxes: RFC 822/1123 in RSS ("Wed, 03 Jan
// 2018 13:47:00 GMT") and ISO 8601 / RFC 3339 in Atom, dc:date and JSON Feed. Hand-written and
// small because the general date parser (extract/date_parse) is being written elsewhere; the two
// are to be reconciled once it lands.
#include <optional>
#include <string>
#include <string_view>

namespace storyline::ingest {

// "2021-02-25T10:15:00Z" (converted to UTC when the input gives a time with a zone; a time
// without a zone is taken as UTC, which is what RSS readers do) or "2021-02-25" for a date alone.
// nullopt when the text is neither syntax or names an impossible date.
std::optional<std::string> normalize_feed_date(std::string_view text);

}  // namespace storyline::ingest
