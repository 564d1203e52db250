// Routes by method and whole-path pattern, in the order added; HEAD is answered by GET's route.
#include "storyline/serve/router.h"

#include <gtest/gtest.h>

using namespace storyline::serve;

TEST(Router, FirstRouteWhosePatternMatchesTheWholePathWithItsGroups) {
  Router router;
  std::string called;
  router.get("/api/stories/([^/]+)/coverage\\.svg", [&](const Request&, Response&) { called = "chart"; });
  router.get("/api/stories/([^/]+)", [&](const Request&, Response&) { called = "story"; });
  router.put("/([^/]+)", [&](const Request&, Response&) { called = "put"; });
  Request request;
  request.method = "GET";
  request.path = "/api/stories/s1/coverage.svg";
  const Router::Route* route = router.find(request);
  ASSERT_NE(route, nullptr);
  Response response;
  route->handler(request, response);
  EXPECT_EQ(called, "chart");
  EXPECT_EQ(request.matches, (std::vector<std::string>{"/api/stories/s1/coverage.svg", "s1"}));
  request.path = "/api/stories/s2";
  ASSERT_NE(router.find(request), nullptr);
  EXPECT_EQ(request.matches.at(1), "s2");
  request.method = "HEAD";
  EXPECT_NE(router.find(request), nullptr) << "HEAD as GET";
  request.path = "/api/stories/s2/more";
  request.method = "GET";
  EXPECT_EQ(router.find(request), nullptr) << "the whole path must match";
  request.method = "PUT";
  request.path = "/name.html";
  ASSERT_NE(router.find(request), nullptr);
  EXPECT_EQ(request.matches.at(1), "name.html");
  request.method = "DELETE";
  EXPECT_EQ(router.find(request), nullptr) << "another method's route does not answer";
}

// Paths are compared with a pattern's fixed start before its expression runs: a start that a
// quantifier or an alternative makes optional is not taken for fixed.
TEST(Router, PatternsWithOptionalStartsOrAlternativesStillMatch) {
  Router router;
  router.get("/feeds?", [](const Request&, Response&) {});
  router.get("/a|/b", [](const Request&, Response&) {});
  router.get("/healthz", [](const Request&, Response&) {});
  Request request;
  request.method = "GET";
  for (const char* path : {"/feed", "/feeds", "/a", "/b", "/healthz"}) {
    request.path = path;
    ASSERT_NE(router.find(request), nullptr) << path;
    EXPECT_EQ(request.matches, (std::vector<std::string>{path})) << path;
  }
  for (const char* path : {"/feedss", "/healthz/", "/health", "/c"}) {
    request.path = path;
    EXPECT_EQ(router.find(request), nullptr) << path;
  }
}
