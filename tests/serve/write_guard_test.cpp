#include "storyline/serve/write_guard.h"

#include <gtest/gtest.h>

using namespace storyline::serve;

namespace {
WriteRequest post(std::string_view host, std::string_view origin = "", std::string_view fetch_site = "",
                  std::string_view authorization = "") {
  return {"POST", host, origin, fetch_site, authorization};
}
}  // namespace

TEST(WriteGuard, ReadsAreNeverRefused) {
  const WriteGuardOptions options{"secret", true, {}};
  EXPECT_FALSE(refuse_write({"GET", "evil.example", "https://evil.example", "cross-site", ""}, options));
}

TEST(WriteGuard, ClientsWithoutAnOriginAndPagesOfThisOriginWrite) {
  const WriteGuardOptions open{"", true, {}};
  EXPECT_FALSE(refuse_write(post("127.0.0.1:8080"), open));                                          // curl, a script
  EXPECT_FALSE(refuse_write(post("127.0.0.1:8080", "http://127.0.0.1:8080", "same-origin"), open));  // the page
  EXPECT_FALSE(refuse_write(post("localhost:8080", "http://localhost:8080"), open));
  EXPECT_FALSE(refuse_write(post("[::1]:8080"), open));
}

TEST(WriteGuard, PagesOfOtherOriginsAreRefused) {
  const WriteGuardOptions open{"", true, {}};
  EXPECT_EQ(refuse_write(post("127.0.0.1:8080", "https://evil.example"), open)->status, 403);
  EXPECT_EQ(refuse_write(post("127.0.0.1:8080", "http://127.0.0.1:9999"), open)->status, 403);  // another port
  EXPECT_EQ(refuse_write(post("127.0.0.1:8080", "null"), open)->status, 403);                   // a sandboxed frame, a file
  EXPECT_EQ(refuse_write(post("127.0.0.1:8080", "", "cross-site"), open)->status, 403);
  // DNS rebinding: the attacker's name resolves to 127.0.0.1, so Origin and Host agree.
  EXPECT_EQ(refuse_write(post("evil.example:8080", "http://evil.example:8080"), open)->status, 403);
  // Bound to a public address on purpose, other names are the server's own.
  EXPECT_FALSE(refuse_write(post("news.example:8080", "http://news.example:8080"), WriteGuardOptions{"", false, {}}));
}

TEST(WriteGuard, ATokenIsNeededWhenTheServerHasOne) {
  const WriteGuardOptions guarded{"s3cret-token", true, {}};
  EXPECT_EQ(refuse_write(post("127.0.0.1:8080"), guarded)->status, 401);
  EXPECT_EQ(refuse_write(post("127.0.0.1:8080", "", "", "Bearer wrong"), guarded)->status, 401);
  EXPECT_EQ(refuse_write(post("127.0.0.1:8080", "", "", "Bearer s3cret-token-and-more"), guarded)->status, 401);
  EXPECT_EQ(refuse_write(post("127.0.0.1:8080", "", "", "Basic s3cret-token"), guarded)->status, 401);
  EXPECT_FALSE(refuse_write(post("127.0.0.1:8080", "", "", "Bearer s3cret-token"), guarded));
  // The token does not let another origin's page write.
  EXPECT_EQ(refuse_write(post("127.0.0.1:8080", "https://evil.example", "", "Bearer s3cret-token"), guarded)->status, 403);
}

TEST(WriteGuard, LoopbackNames) {
  for (const char* host : {"127.0.0.1", "127.0.0.1:8080", "localhost", "LOCALHOST:80", "::1", "[::1]:8080", "app.localhost"})
    EXPECT_TRUE(is_loopback_host(host)) << host;
  for (const char* host : {"0.0.0.0", "10.0.0.1", "evil.example", "localhost.evil.example", "128.0.0.1", "127.evil.example"})
    EXPECT_FALSE(is_loopback_host(host)) << host;
}

// Any request, read or write, through a name that is not the server's own (DNS rebinding) is
// refused on loopback; --allow-host adds names, and then holds beyond loopback too.
TEST(WriteGuard, HostMustBeALoopbackNameOrAnAllowedOne) {
  const WriteGuardOptions loopback{"", true, {}};
  EXPECT_FALSE(refuse_host("127.0.0.1:8080", loopback));
  EXPECT_FALSE(refuse_host("", loopback)) << "HTTP/1.0 sends no Host";
  const auto refused = refuse_host("evil.example:8080", loopback);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
  EXPECT_NE(refused->message.find("--allow-host evil.example"), std::string::npos) << refused->message;

  const WriteGuardOptions proxied{"", true, {"news.example"}};
  EXPECT_FALSE(refuse_host("news.example", proxied));
  EXPECT_FALSE(refuse_host("NEWS.example:443", proxied));
  EXPECT_FALSE(refuse_host("localhost:8080", proxied));
  EXPECT_TRUE(refuse_host("news.example.evil.example", proxied));
  EXPECT_EQ(refuse_write(post("evil.example"), proxied)->status, 403);

  // Bound beyond loopback: any name, unless names were given.
  EXPECT_FALSE(refuse_host("news.example", WriteGuardOptions{"", false, {}}));
  EXPECT_TRUE(refuse_host("evil.example", WriteGuardOptions{"", false, {"news.example"}}));
}
