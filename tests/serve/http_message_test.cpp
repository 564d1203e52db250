// Storyline's own request: the target split into a decoded path and parameters as routes read them.
#include "storyline/serve/http_message.h"

#include <gtest/gtest.h>

using namespace storyline::serve;

TEST(HttpMessage, TargetIsSplitIntoADecodedPathAndParameters) {
  Request request;
  request.target = "/api/articles/a%2Fb%20c+d?q=harbour+bridge&limit=5&q=%C3%A9t%C3%A9&flag&=x&bad=%zz";
  split_target(request);
  EXPECT_EQ(request.path, "/api/articles/a/b c+d") << "'+' is a space in parameters only";
  EXPECT_EQ(request.query_value("q"), "harbour bridge") << "the first value";
  EXPECT_EQ(request.query.count("q"), 2u);
  EXPECT_EQ(request.query_value("limit"), "5");
  EXPECT_TRUE(request.has_query("flag"));
  EXPECT_EQ(request.query_value("flag"), "");
  EXPECT_EQ(request.query_value("bad"), "%zz") << "a '%' that is no escape stays";
  EXPECT_FALSE(request.has_query("missing"));
}

TEST(HttpMessage, HeaderNamesCompareWithoutCase) {
  Request request;
  request.headers.emplace("Content-Length", "5");
  request.headers.emplace("content-length", "5");
  EXPECT_EQ(request.header("CONTENT-LENGTH"), "5");
  EXPECT_EQ(request.header_values("Content-length").size(), 2u);
  EXPECT_FALSE(request.has_header("Transfer-Encoding"));
  Response response;
  response.set_header("Retry-After", "1");
  response.set_header("retry-after", "2");
  EXPECT_EQ(response.headers.size(), 1u) << "set_header replaces";
  EXPECT_EQ(response.header("Retry-After"), "2");
}
