#pragma once
// Request bodies read within their limits (issue 16), for every route that takes one.
//
// cpp-httplib 0.11.4 bounds a body only by its Content-Length (set_payload_max_length): a chunked
// body, and a body it inflates for Content-Encoding: gzip, deflate or br, went into memory whole,
// whatever their size. Through its content reader a route sees the body as it arrives, after the
// library has undone the encoding piece by piece; reading it here stops at the limit counted
// after decompression, so neither framing nor compression gets past it.
#include <httplib.h>

#include <cstddef>
#include <functional>

namespace storyline::serve {

struct BodyLimits {
  size_t max_bytes = size_t{16} << 20;  // the body as the route reads it (decompressed)
  long deadline_seconds = 60;           // the whole request's deadline, for the 408's message
};

// `handler` called with the request's body read in full; else the request is answered (and its
// connection closed, the rest of its body unread) and `handler` never runs:
//   413 over `max_bytes` (as sent or once decompressed), 408 past the request's deadline,
//   415 for a Content-Encoding the server cannot undo or a multipart/form-data body,
//   400 for framing that cannot be read (a chunk size that is no number, a body cut short,
//   compressed data that is not).
httplib::Server::HandlerWithContentReader with_body(BodyLimits limits, httplib::Server::Handler handler);

// Routes for requests with a body that no route takes (POST, PUT, PATCH and DELETE of any other
// path): 404 after the body is read within its limits, so that the library never reads one
// without them. Installed after every other route.
void install_unknown_body_routes(httplib::Server& server, BodyLimits limits);

}  // namespace storyline::serve
