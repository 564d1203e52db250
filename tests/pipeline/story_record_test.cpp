// A story's record: counts, dates, majority labels, a title even when no article has one, and
// output in the story JSON and front-matter layouts.
#include "storyline/pipeline/story_record.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include "storyline/pipeline/story_output.h"

using namespace storyline;

namespace {

Document article(const std::string& id, const std::string& domain, std::optional<std::string> title,
                 const std::string& text, const std::string& published, const std::string& category) {
  Document document;
  document.id = id;
  document.domain = domain;
  document.site_name = domain;
  document.url = "https://" + domain + "/" + id;
  document.title = std::move(title);
  document.text = text;
  document.published = published;
  document.category = category;
  document.language = "en";
  return document;
}

}  // namespace

TEST(StoryRecord, CountsDatesAndMajorityLabels) {
  const std::vector<Document> articles = {
      article("a", "one.example", "Council approves \"river\" bridge: work starts in May",
              "The city council approved the river bridge on Monday. Work starts in May.", "2024-03-04T10:00:00Z",
              "society"),
      article("b", "two.example", "Bridge over the river approved", "Councillors approved the bridge over the river.",
              "2024-03-04T12:00:00Z", "society"),
      article("c", "two.example", "River bridge gets the go-ahead", "The bridge was approved by the council.",
              "2024-03-05T08:00:00Z", "economy"),
  };
  const store::StoryRecord record = pipeline::make_story_record("story-a", "storyline-a", articles, 3, 1709640000);
  EXPECT_EQ(record.article_count, 3u);
  EXPECT_EQ(record.publisher_count, 2u) << "two articles from one publisher count once";
  EXPECT_EQ(record.first_published.value_or(""), "2024-03-04T10:00:00Z");
  EXPECT_EQ(record.last_published.value_or(""), "2024-03-05T08:00:00Z");
  EXPECT_EQ(record.category.value_or(""), "society");
  ASSERT_TRUE(record.title);
  EXPECT_GT(record.heat, 0.0);

  const auto json = nlohmann::json::parse(pipeline::story_to_json(record, articles));
  EXPECT_EQ(json.at("id"), "story-a");
  EXPECT_EQ(json.at("storyline"), "storyline-a");
  EXPECT_EQ(json.at("articles").size(), 3u);
  EXPECT_TRUE(json.at("heat_parts").contains("publishers"));

  // The front matter is valid YAML even with quotes and colons in titles.
  const std::string front = pipeline::story_to_front_matter(record, articles);
  ASSERT_TRUE(front.starts_with("---\n"));
  ASSERT_TRUE(front.ends_with("\n---\n"));
  const YAML::Node node = YAML::Load(front.substr(4, front.size() - 9));
  EXPECT_EQ(node["title"].as<std::string>(), *record.title);
  EXPECT_EQ(node["related"].size(), 2u) << "every article but the lead";
  EXPECT_TRUE(node["provider"]["domain"]);
}

TEST(StoryRecord, AStoryWithoutTitlesIsNamedByItsOpeningWords) {
  const std::vector<Document> articles = {article(
      "a", "feed.example", std::nullopt,
      "Storm warnings were issued for the whole coast on Friday as forecasters expected winds above one hundred "
      "kilometres an hour and heavy rain overnight.",
      "2024-03-04T10:00:00Z", "society")};
  const store::StoryRecord record = pipeline::make_story_record("story-a", "storyline-a", articles, 1, 1709640000);
  ASSERT_TRUE(record.title);
  EXPECT_TRUE(record.title->starts_with("Storm warnings were issued")) << *record.title;
  EXPECT_LE(record.title->size(), 95u);
}
