#include "storyline/ingest/input_format.h"

#include <gtest/gtest.h>

using namespace storyline::ingest;

TEST(InputFormat, DetectsFromContentNotName) {
  EXPECT_EQ(detect_format("<!DOCTYPE html><html><body><p>x</p></body></html>"), InputFormat::kHtml);
  EXPECT_EQ(detect_format("<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\"><channel/></rss>"), InputFormat::kRss);
  EXPECT_EQ(detect_format("<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\"></rdf:RDF>"), InputFormat::kRdf);
  EXPECT_EQ(detect_format("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>"), InputFormat::kAtom);
  EXPECT_EQ(detect_format("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}"), InputFormat::kJsonFeed);
  EXPECT_EQ(detect_format("{\"title\": \"a\"}\n{\"title\": \"b\"}\n"), InputFormat::kJsonLines);
  EXPECT_EQ(detect_format("{\"title\": \"a\"}"), InputFormat::kJson);
  EXPECT_EQ(detect_format("[{\"title\": \"a\"}]"), InputFormat::kJson);
  EXPECT_EQ(detect_format("---\ntitle: x\n---\n"), InputFormat::kFrontMatter);
  EXPECT_EQ(detect_format("Headline\n\nSome scraped body text."), InputFormat::kPlainText);
  EXPECT_EQ(detect_format("  \n\t"), InputFormat::kEmpty);
  EXPECT_EQ(detect_format(std::string("GIF89a\0\0\0", 9)), InputFormat::kBinary);
}
