#pragma once
// Any input bytes to UTF-8: byte-order mark, then the charset the document declares, then
// detection from the bytes (uchardet). Conversion goes through ICU.
#include <optional>
#include <string>
#include <string_view>

namespace storyline::text {

// The charset named in an XML declaration or an HTML <meta charset>/http-equiv within the first
// few kilobytes, lower-cased ("utf-8", "windows-1252"), if any.
std::optional<std::string> declared_charset(std::string_view bytes);

// The charset these bytes are most likely in: "utf-8", "utf-16le", "windows-1252", ...
// `declared` is what the container said (HTTP header, XML declaration); it wins unless the bytes
// prove it wrong (valid multi-byte UTF-8 declared as a single-byte charset, a common lie).
std::string detect_charset(std::string_view bytes, std::optional<std::string_view> declared = std::nullopt);

// Decodes to UTF-8, stripping any byte-order mark. Bytes that are invalid in the charset become
// U+FFFD; the result is always valid UTF-8.
std::string to_utf8(std::string_view bytes, std::optional<std::string_view> declared = std::nullopt);

bool is_valid_utf8(std::string_view bytes);

// Replaces every invalid UTF-8 sequence with U+FFFD.
std::string make_valid_utf8(std::string_view bytes);

}  // namespace storyline::text
