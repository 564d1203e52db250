#include "storyline/serve/router.h"

namespace storyline::serve {

void Router::get(const std::string& pattern, Handler handler, RouteOptions options) {
  add("GET", pattern, std::move(handler), options);
}

void Router::add(const std::string& method, const std::string& pattern, Handler handler, RouteOptions options) {
  routes_.push_back({method, std::regex(pattern), std::move(handler), options});
}

const Router::Route* Router::find(Request& request) const {
  const std::string& method = request.method == "HEAD" ? std::string("GET") : request.method;
  std::smatch match;
  for (const Route& route : routes_) {
    if (route.method != method || !std::regex_match(request.path, match, route.pattern)) continue;
    request.matches.assign(match.begin(), match.end());
    return &route;
  }
  return nullptr;
}

}  // namespace storyline::serve
