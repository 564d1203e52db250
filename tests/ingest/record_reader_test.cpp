#include "storyline/ingest/record_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "storyline/ingest/read_documents.h"

using namespace storyline::ingest;

namespace {

constexpr const char* kRecord = R"(---
title: "Main headline"
excerpt: "Main excerpt."
publishedDateTime: 2021-10-09T09:07:00Z
webUrl: "https://gandhara.rferl.org/a/x/1.html"
provider:
  name: Radio Free Europe/Radio Liberty
  domain: rferl.org
topics:
  - Computer Vision
related:
  - title: "Related one"
    excerpt: "Talks in&nbsp;Qatar."
    publishedDateTime: 2021-10-10T21:58:00Z
    webUrl: "https://thehill.com/policy/a"
    provider:
      name: The Hill
      domain: thehill.com
    images:
      - url: "https://thehill.com/a.jpg"
        width: 980
        height: 551
---
)";

}  // namespace

TEST(RecordReader, FrontMatterRecordAndItsRelatedArticles) {
  const ReadResult result = read_documents(RawInput{"record.txt", kRecord, std::nullopt});
  ASSERT_EQ(result.documents.size(), 2u);
  const auto& main = result.documents[0];
  EXPECT_EQ(main.title.value_or(""), "Main headline");
  EXPECT_EQ(main.text.value_or(""), "Main excerpt.");
  EXPECT_EQ(main.published.value_or(""), "2021-10-09T09:07:00Z");
  EXPECT_EQ(main.site_name.value_or(""), "Radio Free Europe/Radio Liberty");
  EXPECT_EQ(main.domain.value_or(""), "rferl.org");
  EXPECT_TRUE(main.topics.empty()) << "aggregator topic labels must not be carried over";
  const auto& related = result.documents[1];
  EXPECT_EQ(related.site_name.value_or(""), "The Hill");
  EXPECT_EQ(related.excerpt.value_or(""), "Talks in Qatar.");
  ASSERT_EQ(related.images.size(), 1u);
  EXPECT_EQ(related.images[0].width.value_or(0), 980);
  EXPECT_NE(main.id, related.id);
}

TEST(RecordReader, BrokenYamlSaysWhere) {
  try {
    read_documents(RawInput{"broken.txt", "---\ntitle: ok\nexcerpt: a: b\n---\n", std::nullopt});
    FAIL() << "expected an InputError";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("line"), std::string::npos) << error.what();
  }
}

TEST(RecordReader, BingNewsApiEnvelope) {
  const char* json = R"({"_type": "News", "value": [{"name": "A &amp; B", "url": "https://www.bbc.co.uk/news/1",
    "description": "Desc.", "datePublished": "2024-01-02T03:04:05.0000000Z",
    "provider": [{"_type": "Organization", "name": "BBC"}],
    "image": {"thumbnail": {"contentUrl": "https://x/y.jpg", "width": 700, "height": 466}}}]})";
  const ReadResult result = read_documents(RawInput{"bing.json", json, std::nullopt});
  ASSERT_EQ(result.documents.size(), 1u);
  EXPECT_EQ(result.documents[0].title.value_or(""), "A & B");
  EXPECT_EQ(result.documents[0].site_name.value_or(""), "BBC");
  EXPECT_EQ(result.documents[0].domain.value_or(""), "bbc.co.uk");
  ASSERT_EQ(result.documents[0].images.size(), 1u);
}

// A record without a URL that says its domain (as Document JSON does, or news-please's
// source_domain) keeps it: it was dropped, and the record became a publisher of its own.
TEST(RecordReader, ADomainFieldIsKeptForARecordWithoutUrl) {
  const ReadResult result = read_documents(
      RawInput{"records.jsonl",
               "{\"id\": \"r1\", \"title\": \"One\", \"text\": \"Body one.\", \"domain\": \"valleytimes.com\"}\n"
               "{\"id\": \"r2\", \"title\": \"Two\", \"text\": \"Body two.\", \"source_domain\": \"www.wirehub.net\"}\n",
               std::nullopt});
  ASSERT_EQ(result.documents.size(), 2u);
  EXPECT_EQ(result.documents[0].domain.value_or(""), "valleytimes.com");
  EXPECT_EQ(result.documents[1].domain.value_or(""), "www.wirehub.net");
}

// The same wire story under two publishers, however a record names them (its domain, its
// publisher, its source: an object or a flat name), is two documents with two ids; the same
// record read again keeps its id, and one that names no publisher keeps the id of its content.
TEST(RecordReader, OneTextFromTwoPublishersGetsTwoIds) {
  const std::string story = R"("title": "Water plan approved", "text": "Lawmakers approved a water plan on Tuesday.")";
  const auto id_of = [&](const std::string& publisher_field) {
    const std::string record = "{" + story + (publisher_field.empty() ? "" : ", " + publisher_field) + "}";
    const ReadResult result = read_documents(RawInput{"wire.json", record, std::nullopt});
    EXPECT_EQ(result.documents.size(), 1u) << record;
    return result.documents.empty() ? std::string() : result.documents[0].id;
  };
  for (const auto& [first, second] : std::vector<std::pair<std::string, std::string>>{
           {R"("domain": "valleytimes.com")", R"("domain": "hilltopherald.com")"},
           {R"("publisher": "Valley Times")", R"("publisher": "Hilltop Herald")"},
           {R"("source": "Valley Times")", R"("source": "Hilltop Herald")"},
           {R"("source": {"name": "Valley Times"})", R"("source": {"name": "Hilltop Herald"})"}}) {
    EXPECT_NE(id_of(first), id_of(second)) << first << " and " << second;
    EXPECT_EQ(id_of(first), id_of(first)) << first << " read twice";
    EXPECT_NE(id_of(first), id_of("")) << first;
  }
  // A source that is a path or an address says where the record was read, not who published it.
  EXPECT_EQ(id_of(R"("source": "feeds/wire.json")"), id_of(""));
  EXPECT_EQ(id_of(R"("source": "https://example.com/feed")"), id_of(""));
  const ReadResult named = read_documents(RawInput{"wire.json", "{" + story + R"(, "source": "Reuters"})", std::nullopt});
  ASSERT_EQ(named.documents.size(), 1u);
  EXPECT_EQ(named.documents[0].site_name.value_or(""), "Reuters");
  EXPECT_EQ(named.documents[0].source, "wire.json");
}

TEST(RecordReader, JsonLinesKeepsGoodLinesAndReportsBadOnes) {
  const ReadResult result = read_documents(
      RawInput{"docs.jsonl", "{\"title\": \"one\", \"text\": \"Body one.\"}\n{broken\n{\"title\": \"two\"}\n",
               std::nullopt});
  EXPECT_EQ(result.documents.size(), 2u);
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_NE(result.problems[0].find("line 2"), std::string::npos);
}

// Found by records_fuzz: a number past double's range is nlohmann's out_of_range, not a
// parse_error; it must be a clear InputError, not an escaped exception.
TEST(RecordReader, NumberTooLargeIsAnInputError) {
  const std::string record = "{\"title\": \"x\", \"heat\": 1.1E22222211}";
  EXPECT_THROW(read_json_records(record, RawInput{"huge.json", record, std::nullopt}), InputError);
}

// JSON of another kind (a parser's test expectations, a dump of settings) has none of an
// article's fields: it is skipped with a message, not stored as an empty story.
TEST(RecordReader, ObjectWithoutHeadlineOrTextIsNotAnArticle) {
  const std::string records =
      "[{\"url\": \"http://example.com/a\", \"expected\": {\"cleaned_text\": \"...\"}},"
      " {\"title\": \"   \", \"text\": \"\\n\"},"
      " {\"excerpt\": \"Talks in Doha resumed on Saturday.\"}]";
  const ReadResult result = read_documents(RawInput{"fixtures.json", records, std::nullopt});
  ASSERT_EQ(result.documents.size(), 1u);
  EXPECT_EQ(result.documents[0].text.value_or(""), "Talks in Doha resumed on Saturday.");
  ASSERT_EQ(result.problems.size(), 2u);
  EXPECT_NE(result.problems[0].find("no title, text or excerpt"), std::string::npos) << result.problems[0];
}
