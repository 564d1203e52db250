// Hostile and broken inputs through the front door: each gives a clear error naming the problem
// or a best-effort document, quickly and without unbounded memory.
#include <gtest/gtest.h>

#include <string>

#include "storyline/ingest/read_documents.h"
#include "storyline/serve/gzip_body.h"
#include "storyline/text/encoding.h"

using namespace storyline;
using namespace storyline::ingest;

namespace {

ReadResult read(const std::string& bytes) { return read_documents(RawInput{"bad-input", bytes, std::nullopt}); }

// The InputError message, or "" when the input was read.
std::string error_of(const std::string& bytes) {
  try {
    read(bytes);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

std::string gzip(const std::string& data) { return storyline::serve::gzip_body(data); }

bool all_fields_valid_utf8(const Document& document) {
  for (const auto* field : {&document.title, &document.text, &document.excerpt, &document.author, &document.site_name})
    if (*field && !text::is_valid_utf8(**field)) return false;
  return true;
}

}  // namespace

TEST(BadInput, TruncatedGzipIsNamed) {
  const std::string compressed = gzip("<html><body><p>" + std::string(5000, 'x') + "</p></body></html>");
  // Cut inside the header: nothing can be inflated, and the error says so.
  const std::string message = error_of(compressed.substr(0, 12));
  EXPECT_NE(message.find("gzip"), std::string::npos) << message;
  // Cut in the middle: what was inflated is read, or the error names gzip.
  try {
    const ReadResult result = read(compressed.substr(0, compressed.size() / 2));
    EXPECT_FALSE(result.documents.empty());
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("gzip"), std::string::npos) << error.what();
  }
}

TEST(BadInput, BinaryAndEmptyAreRefused) {
  std::string binary(4096, '\0');
  for (size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>((i * 7919) & 0xFF);
  EXPECT_NE(error_of(binary).find("binary"), std::string::npos);
  EXPECT_NE(error_of("").find("empty"), std::string::npos);
  EXPECT_NE(error_of(" \n\t\r\n").find("empty"), std::string::npos);
}

TEST(BadInput, FiftyMegabyteHtmlPageGivesADocument) {
  std::string page = "<html><head><title>Big page</title></head><body><article>";
  const std::string paragraph = "<p>A paragraph of an enormous page that repeats itself over and over again.</p>\n";
  page.reserve((size_t{50} << 20) + paragraph.size() + 64);
  while (page.size() < (size_t{50} << 20)) page += paragraph;
  page += "</article></body></html>";
  const ReadResult result = read(page);
  ASSERT_EQ(result.documents.size(), 1u);
  EXPECT_EQ(result.documents[0].title, "Big page");
  ASSERT_TRUE(result.documents[0].text);
  EXPECT_TRUE(text::is_valid_utf8(*result.documents[0].text));
}

TEST(BadInput, HundredThousandLevelNestedHtmlDoesNotOverflowTheStack) {
  std::string page = "<html><body>";
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page += "Deep text in the middle of it all.";
  for (int i = 0; i < 100000; ++i) page += "</div>";
  page += "</body></html>";
  EXPECT_NO_FATAL_FAILURE({
    try {
      read(page);
    } catch (const InputError&) {
    }
  });
}

TEST(BadInput, InvalidUtf8BecomesValidText) {
  const ReadResult result = read(
      "<html><head><meta charset=\"utf-8\"><title>Bad \xC3\x28 bytes \xFF\xFE here</title></head><body><p>Text "
      "with \xE2\x82 broken \xF0\x9F sequences, long enough to be a paragraph of an article.</p></body></html>");
  ASSERT_EQ(result.documents.size(), 1u);
  EXPECT_TRUE(all_fields_valid_utf8(result.documents[0]));
}

TEST(BadInput, MalformedXmlFeedsAreNamedOrReadAsFarAsTheyGo) {
  // Mismatched tags: recovered, the item is read, the fault is noted.
  const ReadResult mismatched = read(
      "<rss version=\"2.0\"><channel><title>T</title><item><title>Item <b>one</title></item></channel></rss>");
  ASSERT_EQ(mismatched.documents.size(), 1u);
  EXPECT_FALSE(mismatched.problems.empty());
  // Nothing but a root: named.
  EXPECT_NE(error_of("<rss version=\"2.0\"><chann").find("RSS feed"), std::string::npos);
  // A root that is no feed at all behind an RSS-looking start is named too.
  EXPECT_NE(error_of("<?xml version=\"1.0\"?>\n<feed><<>>&&&</feed>").find("Atom feed"), std::string::npos);
}

TEST(BadInput, BillionLaughsInRssStaysSmall) {
  std::string doctype = "<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n";
  std::string previous = "lol";
  for (int level = 1; level <= 9; ++level) {
    const std::string name = "lol" + std::to_string(level);
    std::string value;
    for (int i = 0; i < 10; ++i) value += "&" + previous + ";";
    doctype += "<!ENTITY " + name + " \"" + value + "\">\n";
    previous = name;
  }
  doctype += "]>\n";
  const std::string feed = "<?xml version=\"1.0\"?>\n" + doctype +
                           "<rss version=\"2.0\" xml:base=\"&lol9;\"><channel><title>&lol9;</title>"
                           "<item><title>Laughs &lol9;</title><link>&lol9;</link><guid isPermaLink=\"&lol9;\">&lol9;</guid>"
                           "<description>Short &lol; text.</description></item></channel></rss>";
  ReadResult result;
  try {
    result = read(feed);
  } catch (const InputError& error) {
    SUCCEED() << error.what();
    return;
  }
  // Read as a feed (not as HTML), with the entities left unexpanded.
  ASSERT_EQ(result.documents.size(), 1u);
  EXPECT_TRUE(result.documents[0].title.value_or("").starts_with("Laughs")) << result.documents[0].title.value_or("");
  for (const auto& document : result.documents) {
    EXPECT_LT(document.title.value_or("").size(), 10000u);
    EXPECT_LT(document.text.value_or("").size(), 10000u);
    EXPECT_LT(document.url.value_or("").size(), 10000u);
  }
}

TEST(BadInput, FrontMatterWithBrokenYamlNamesTheLine) {
  const std::string message = error_of("---\ntitle: [unclosed\nexcerpt: {a: b\n---\nBody.\n");
  EXPECT_NE(message.find("YAML"), std::string::npos) << message;
  EXPECT_NE(message.find("line"), std::string::npos) << message;
}

TEST(BadInput, DeeplyNestedJsonIsRefusedOrRead) {
  // 100,000 levels: far past what a recursive parser or destructor survives on an 8 MiB stack.
  const std::string deep_array = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_NE(error_of(deep_array).find("nested deeper"), std::string::npos) << error_of(deep_array);
  std::string deep_object;
  for (int i = 0; i < 100000; ++i) deep_object += "{\"a\":";
  deep_object += "1";
  deep_object += std::string(100000, '}');
  EXPECT_NE(error_of(deep_object).find("nested deeper"), std::string::npos) << error_of(deep_object);
  // The same in a JSON Feed, in JSON Lines and in YAML front matter.
  EXPECT_FALSE(error_of("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": " + deep_array + "}").empty());
  const ReadResult lines = read("{\"title\": \"a\", \"text\": \"b\"}\n{\"x\": " + deep_array + "}\n");
  ASSERT_EQ(lines.documents.size(), 1u);
  ASSERT_EQ(lines.problems.size(), 1u);
  EXPECT_NE(lines.problems[0].find("line 2"), std::string::npos) << lines.problems[0];
  EXPECT_FALSE(error_of("---\ntitle: " + std::string(100000, '[') + "\n---\n").empty());
}

TEST(BadInput, HugeJsonLinesLineIsRead) {
  const std::string huge_text(8 << 20, 'x');
  const ReadResult result = read("{\"title\": \"small\", \"text\": \"short body\"}\n{\"title\": \"huge\", \"text\": \"" +
                                 huge_text + "\"}\n");
  ASSERT_EQ(result.documents.size(), 2u);
  EXPECT_EQ(result.documents[1].title, "huge");
}

TEST(BadInput, HundredThousandLevelNestedFeedIsNamedOrRead) {
  std::string feed = "<rss version=\"2.0\"><channel><title>T</title><item><title>Before</title></item><item><title>";
  for (int i = 0; i < 100000; ++i) feed += "<b>";
  feed += "deep";
  for (int i = 0; i < 100000; ++i) feed += "</b>";
  feed += "</title></item></channel></rss>";
  try {
    const ReadResult result = read(feed);
    ASSERT_FALSE(result.documents.empty());
    EXPECT_EQ(result.documents[0].title, "Before");
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("RSS feed"), std::string::npos) << error.what();
  }
}
