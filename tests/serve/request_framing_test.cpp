// Framing headers that can be read two ways are refused (issue 16): before, "Content-Length: abc"
// was read as no body (its body then parsed as the next request), and "Transfer-Encoding: gzip"
// as a body running to the end of the connection.
#include "storyline/serve/request_framing.h"

#include <gtest/gtest.h>

using storyline::serve::framing_error;

TEST(RequestFraming, OneWayToReadTheBodyIsTaken) {
  EXPECT_FALSE(framing_error({}, {}));
  EXPECT_FALSE(framing_error({"120"}, {}));
  EXPECT_FALSE(framing_error({"120", "120"}, {}));
  EXPECT_FALSE(framing_error({"120, 120"}, {})) << "a list of one length repeated is that length";
  EXPECT_FALSE(framing_error({}, {"chunked"}));
  EXPECT_FALSE(framing_error({}, {"Chunked"}));
}

TEST(RequestFraming, LengthsThatAreNoNumberOrDisagreeAreRefused) {
  for (const char* bad : {"abc", "-1", "+120", "12 0", "", "0x10", "1.5", "99999999999999999999999"}) {
    const auto error = framing_error({bad}, {});
    ASSERT_TRUE(error) << bad;
    EXPECT_EQ(error->status, 400) << bad;
    EXPECT_NE(error->message.find("is not a number of bytes"), std::string::npos) << error->message;
  }
  EXPECT_NE(framing_error({"120", "5"}, {})->message.find("two different Content-Length"), std::string::npos);
  EXPECT_NE(framing_error({"120, 5"}, {})->message.find("two different Content-Length"), std::string::npos);
}

TEST(RequestFraming, TransferCodingsOtherThanOneChunkedAreRefused) {
  EXPECT_EQ(framing_error({"120"}, {"chunked"})->status, 400) << "both headers";
  EXPECT_EQ(framing_error({}, {"gzip"})->status, 400) << "not ending in chunked: no end to the body";
  EXPECT_EQ(framing_error({}, {"identity"})->status, 400);
  EXPECT_EQ(framing_error({}, {"chunked, gzip"})->status, 400);
  EXPECT_EQ(framing_error({}, {"chunked", "chunked"})->status, 400) << "chunked twice";
  EXPECT_EQ(framing_error({}, {"chunked, chunked"})->status, 400);
  const auto gzip = framing_error({}, {"gzip, chunked"});
  ASSERT_TRUE(gzip);
  EXPECT_EQ(gzip->status, 501) << "a coding this server does not implement";
  EXPECT_NE(gzip->message.find("Content-Encoding"), std::string::npos) << gzip->message;
}
