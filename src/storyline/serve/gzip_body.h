#pragma once
// Gzip for cached API answers: a list of 50 stories with their articles is over half a megabyte,
// and most clients (browsers, curl --compressed) accept gzip. Compressed once per cached answer.
#include <string>
#include <string_view>

namespace storyline::serve {

// RFC 1952 gzip of `body` (zlib, fastest level: the answer is compressed once, read many times).
std::string gzip_body(std::string_view body);

// True when an Accept-Encoding header value accepts gzip ("gzip, deflate, br"; not "gzip;q=0").
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace storyline::serve
