#pragma once
// Repairs mojibake: UTF-8 text that was once decoded as Windows-1252 or Latin-1 and re-encoded,
// so that "in Qatar" with a no-break space reads "inÂ Qatar" and "café" reads "cafÃ©".
#include <string>
#include <string_view>

namespace storyline::text {

// Input must be valid UTF-8. Only sequences that decode to valid multi-byte UTF-8 when mapped
// back through Windows-1252 are replaced, so correct text (including real "Ã" or "Â") is kept.
std::string repair_mojibake(std::string_view utf8);

}  // namespace storyline::text
