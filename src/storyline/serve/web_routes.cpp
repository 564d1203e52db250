// GET /, /style.css and /app.js: the web page's files (web_files.h).
#include <memory>

#include "storyline/serve/routes.h"
#include "storyline/serve/web_files.h"

namespace storyline::serve {
namespace {

// The browser's copy still matches when If-None-Match names our tag (alone, in a list, or weak).
bool still_fresh(const Request& request, const std::string& etag) {
  return !etag.empty() && request.header("If-None-Match").find(etag) != std::string::npos;
}

void serve_web_file(const WebFileSource& source, const WebFile& file, const Request& request, Response& response) {
  if (file.name == "index.html") {
    // Images from this server only, unless publishers' images were asked for: the browser then
    // refuses any other, whatever a story's data holds.
    // No other site may frame the page (clickjacking) or have it read as another type; it loads
    // no plugins, sends forms only here, and runs only its own script file (/app.js): no script
    // or handler in markup, so none that a story's text might smuggle in.
    response.set_header("Content-Security-Policy",
                        "frame-ancestors 'none'; base-uri 'none'; object-src 'none'; form-action 'self'; "
                        "script-src 'self'; img-src " +
                            std::string(source.publisher_images() ? "'self' data: https: http:" : "'self' data:"));
    response.set_header("X-Frame-Options", "DENY");
    response.set_header("Referrer-Policy", "no-referrer");
  }
  const WebFileBody body = source.body(file);
  if (source.reads_from_disk()) {
    // While developing, every reload shows the files as they are now.
    response.set_header("Cache-Control", "no-store");
  } else {
    // The built-in files change only with the binary: a browser keeps its copy and asks whether
    // it is still good (304), so that an upgrade shows at once.
    response.set_header("Cache-Control", "no-cache");
    response.set_header("ETag", body.etag);
    if (still_fresh(request, body.etag)) {
      response.status = 304;
      return;
    }
  }
  response.set_shared_content(body.text, file.content_type);
}

}  // namespace

void install_web_routes(Router& router, std::shared_ptr<const WebFileSource> source) {
  for (const WebFile& file : web_files())
    router.get(std::string(file.url_path), [source, &file](const Request& request, Response& response) {
      serve_web_file(*source, file, request, response);
    });
}

}  // namespace storyline::serve
