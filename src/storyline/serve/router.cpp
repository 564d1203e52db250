#include "storyline/serve/router.h"

#include <algorithm>
#include <string_view>

namespace storyline::serve {
namespace {

// The text every path the pattern matches starts with: up to the first special character, less
// a last character that a quantifier makes optional; none when an alternative at the top level
// could start otherwise.
std::string fixed_prefix(const std::string& pattern) {
  int depth = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') ++i;
    else if (pattern[i] == '(') ++depth;
    else if (pattern[i] == ')') --depth;
    else if (pattern[i] == '|' && depth == 0) return {};
  }
  const size_t special = std::min(pattern.find_first_of("\\^$.|?*+()[]{}"), pattern.size());
  const bool quantified = special < pattern.size() &&
                          std::string_view("?*+{").find(pattern[special]) != std::string_view::npos;
  return pattern.substr(0, quantified && special > 0 ? special - 1 : special);
}

}  // namespace

void Router::get(const std::string& pattern, Handler handler, RouteOptions options) {
  add("GET", pattern, std::move(handler), options);
}

void Router::add(const std::string& method, const std::string& pattern, Handler handler, RouteOptions options) {
  const std::string prefix = fixed_prefix(pattern);
  routes_.push_back({method, std::regex(pattern), std::move(handler), options, prefix, prefix.size() == pattern.size()});
}

const Router::Route* Router::find(Request& request) const {
  const std::string& method = request.method == "HEAD" ? std::string("GET") : request.method;
  std::smatch match;
  for (const Route& route : routes_) {
    if (route.method != method || !request.path.starts_with(route.literal_prefix)) continue;
    if (route.literal) {
      if (request.path.size() != route.literal_prefix.size()) continue;
      request.matches.assign(1, request.path);
      return &route;
    }
    if (!std::regex_match(request.path, match, route.pattern)) continue;
    request.matches.assign(match.begin(), match.end());
    return &route;
  }
  return nullptr;
}

}  // namespace storyline::serve
