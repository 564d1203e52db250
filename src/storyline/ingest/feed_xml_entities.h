#pragma once
// Rewrites the entity references of a feed before the XML parser sees it. Feeds are full of HTML
// entities that XML does not know (&nbsp; &eacute; in RSS 0.91) and bare ampersands ("AT&T"); to
// libxml2 either is a well-formedness error, after which it silently drops every later entity
// reference, &amp; and &lt; included. So: known HTML and the predefined XML entities become
// numeric character references (which the parser always honours), stray ampersands become &#38;,
// and entities the feed declares itself are left alone for the parser (which does not expand
// them, so entity bombs stay harmless). CDATA sections, comments and the DOCTYPE are untouched.
#include <string>
#include <string_view>

namespace storyline::ingest {

std::string normalize_entity_references(std::string_view xml);

}  // namespace storyline::ingest
