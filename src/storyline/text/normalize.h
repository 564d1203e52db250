#pragma once
// Text clean-up shared by every reader: Unicode NFC, invisible and typographic oddities, and
// whitespace. Publishers' wording and punctuation (curly quotes, dashes) are kept as they are.
#include <string>
#include <string_view>

namespace storyline::text {

// Unicode Normalization Form C (ICU). Input must be valid UTF-8.
std::string to_nfc(std::string_view utf8);

// Removes what no reader wants: control characters, zero-width marks, soft hyphens, the
// replacement character from mojibake and BOMs inside text; no-break and other exotic spaces
// become plain spaces; CRLF and CR become LF.
std::string strip_invisible(std::string_view utf8);

// Collapses runs of spaces and tabs to one space and trims each line.
std::string collapse_spaces(std::string_view utf8);

// The whole clean-up for a piece of inline text (a title, an author): mojibake repaired,
// invisible characters gone, whitespace collapsed to single spaces on one line, NFC.
std::string clean_inline(std::string_view utf8);
// The same for inline text read out of HTML (an attribute, an element's text): entities decoded
// first (html_entities.h).
std::string clean_inline_html(std::string_view utf8_html_text);

// The clean-up for a body: as clean_inline within each paragraph; paragraphs (separated by one
// or more blank lines, or single newlines) joined by exactly one blank line ("\n\n").
std::string clean_body(std::string_view utf8);

}  // namespace storyline::text
