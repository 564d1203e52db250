// GET /api/sources: the live sources with their health (last fetch, status, errors, items).
#include "storyline/serve/http_helpers.h"
#include "storyline/serve/routes.h"
#include "storyline/sources/source_json.h"

namespace storyline::serve {

void install_source_routes(Router& router, ServerState& state) {
  // Not cached: the poller updates the sources' health from its own connection, which does not
  // make cached answers stale.
  router.get("/api/sources", [&state](const Request&, Response& response) {
    std::string body = "{\"sources\": [";
    bool first = true;
    for (const store::SourceRecord& source : state.reader().sources().all()) {
      if (!first) body += ", ";
      first = false;
      body += sources::source_to_json(source);
    }
    response.set_content(body + "]}", "application/json");
  });
}

}  // namespace storyline::serve
