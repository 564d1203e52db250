#pragma once
// Whether a request's body framing can be read one way only (RFC 9112 6.1-6.3). A request whose
// framing headers contradict each other or cannot be read is how a request is smuggled past a
// proxy that reads them another way, and the library read some of them as no body at all
// ("Content-Length: abc": the body was then parsed as the next request) or as a body that runs
// to the end of the connection ("Transfer-Encoding: gzip": the worker waited out the deadline).
// Such a request is refused before any route sees it, and its connection closed.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::serve {

struct FramingError {
  int status = 400;  // 400, or 501 for a transfer coding this server does not implement
  std::string message;
};

// `content_lengths` and `transfer_encodings`: every value of those headers, as received.
// Content-Length must be digits (a list of one value repeated is one value), Transfer-Encoding
// exactly "chunked" once, and never both headers.
std::optional<FramingError> framing_error(const std::vector<std::string_view>& content_lengths,
                                          const std::vector<std::string_view>& transfer_encodings);

}  // namespace storyline::serve
