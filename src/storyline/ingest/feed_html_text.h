#pragma once
// Text of the HTML fragments that feeds carry (item descriptions, content:encoded, Atom content):
// paragraphs kept, markup, scripts, embeds and images dropped.
#include <string>
#include <string_view>

namespace storyline::ingest {

// Paragraphs (block elements, <br><br>) separated by "\n\n"; inline markup flattened; entities
// decoded. Plain text without markup comes back as it is (entities decoded).
std::string html_fragment_text(std::string_view utf8_html);

// True when `text` holds HTML markup (tags or escaped block markup), not plain text.
bool looks_like_html(std::string_view text);

}  // namespace storyline::ingest
