#pragma once
// Decodes HTML character references (&amp; &#8217; &#x2019; &eacute;) in text that came out of
// feeds, JSON records or attributes, where no HTML parser has run.
#include <string>
#include <string_view>

namespace storyline::text {

std::string decode_html_entities(std::string_view text);

}  // namespace storyline::text
