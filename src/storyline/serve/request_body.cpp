#include "storyline/serve/request_body.h"

#include <string>

#include "storyline/serve/http_helpers.h"
#include "storyline/serve/limited_server.h"

namespace storyline::serve {

httplib::Server::HandlerWithContentReader with_body(BodyLimits limits, httplib::Server::Handler handler) {
  return [limits, handler = std::move(handler)](const httplib::Request& request, httplib::Response& response,
                                                const httplib::ContentReader& read) {
    // The library's multipart reader would call a receiver this route does not give it.
    if (request.is_multipart_form_data()) {
      LimitedServer::close_after_response();
      return reply_error(response, 415, "multipart/form-data is not read: send the document or the page as the body");
    }
    std::string body;
    bool over_limit = false;
    const bool complete = read([&](const char* data, size_t size) {
      if (size > limits.max_bytes - body.size()) {
        over_limit = true;
        return false;
      }
      body.append(data, size);
      return true;
    });
    if (!complete) {
      // The rest of the body is unread: the connection cannot carry another request.
      LimitedServer::close_after_response();
      const RequestCut cut = LimitedServer::cut();
      if (cut == RequestCut::request_deadline)
        return reply_error(response, 408,
                           "the request did not arrive within " + std::to_string(limits.deadline_seconds) + " s");
      const std::string encoding = request.get_header_value("Content-Encoding");
      if (over_limit || cut == RequestCut::body_too_large || response.status == 413)
        return reply_error(response, 413,
                           "the body is over the limit of " + std::to_string(limits.max_bytes) + " bytes" +
                               (encoding.empty() ? "" : " (once its " + encoding + " is undone)"));
      if (response.status == 415)
        return reply_error(response, 415, "Content-Encoding '" + encoding + "' is not read: send gzip, deflate, br or none");
      return reply_error(response, 400,
                         encoding.empty() ? "the body cannot be read: a malformed chunk, or a body shorter than said"
                                          : "the body cannot be read: a malformed chunk, or no valid " + encoding + " data");
    }
    httplib::Request whole = request;
    whole.body = std::move(body);
    handler(whole, response);
  };
}

void install_unknown_body_routes(httplib::Server& server, BodyLimits limits) {
  const auto unknown = with_body(limits, [](const httplib::Request& request, httplib::Response& response) {
    reply_error(response, 404, "no " + request.method + " route for '" + request.path + "'");
  });
  server.Post(".*", unknown);
  server.Put(".*", unknown);
  server.Patch(".*", unknown);
  server.Delete(".*", unknown);
}

}  // namespace storyline::serve
