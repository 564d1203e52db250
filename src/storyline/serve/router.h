#pragma once
// Which handler answers a request: a method and a path pattern (a regular expression the whole
// decoded path must match; its groups become Request::matches), tried in the order they were
// added, as the routes of INTERFACE.md were written for.
#include <functional>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "storyline/serve/http_message.h"

namespace storyline::serve {

using Handler = std::function<void(const Request&, Response&)>;

struct RouteOptions {
  // Answered on the I/O thread that read the request, never waiting on the store or anything
  // else: /healthz stays quick however busy the workers are.
  bool answers_at_once = false;
};

class Router {
 public:
  void get(const std::string& pattern, Handler handler, RouteOptions options = {});  // also HEAD
  void post(const std::string& pattern, Handler handler) { add("POST", pattern, std::move(handler)); }
  void put(const std::string& pattern, Handler handler) { add("PUT", pattern, std::move(handler)); }
  void remove(const std::string& pattern, Handler handler) { add("DELETE", pattern, std::move(handler)); }
  void add(const std::string& method, const std::string& pattern, Handler handler, RouteOptions options = {});

  struct Route {
    std::string method;
    std::regex pattern;
    Handler handler;
    RouteOptions options;
    // The pattern's text up to its first special character: a path that does not start with it
    // is not tried against the expression, and when it is the whole pattern (most routes) the
    // path is compared with it alone. Each request is routed twice (router and hooks), and
    // running every expression before the matching one cost microseconds a request.
    std::string literal_prefix;
    bool literal = false;
  };
  // The first route for the request's method (HEAD: GET's) whose pattern matches its whole path,
  // with the request's matches filled; nullptr when none does.
  const Route* find(Request& request) const;

 private:
  std::vector<Route> routes_;
};

}  // namespace storyline::serve
