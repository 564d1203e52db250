// A story's record: counts, dates, majority labels, a title even when no article has one, and
// output in the story JSON and front-matter layouts.
#include "storyline/pipeline/story_record.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include "storyline/pipeline/story_output.h"

using namespace storyline;

namespace {

Document article(const std::string& id, const std::string& domain, std::optional<std::string> title, const std::string& text,
                 const std::string& published, const std::string& category) {
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

TEST(Story, CountsDatesAndMajorityLabels) {
  const std::vector<Document> articles = {
      article("a", "one.example", "Council approves \"river\" bridge: work starts in May",
              "The city council approved the river bridge on Monday. Work starts in May.", "2024-03-04T10:00:00Z",
              "society"),
      article("b", "two.example", "Bridge over the river approved", "Councillors approved the bridge over the river.",
              "2024-03-04T12:00:00Z", "society"),
      article("c", "two.example", "River bridge gets the go-ahead", "The bridge was approved by the council.",
              "2024-03-05T08:00:00Z", "economy"),
  };
  const Story record = pipeline::make_story_record("story-a", "storyline-a", articles, 3, 1709640000);
  EXPECT_EQ(record.article_count, 3u);
  EXPECT_EQ(record.publisher_count, 2u) << "two articles from one publisher count once";
  EXPECT_EQ(timestamp_text(record.first_published).value_or(""), "2024-03-04T10:00:00Z");
  EXPECT_EQ(timestamp_text(record.last_published).value_or(""), "2024-03-05T08:00:00Z");
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

TEST(Story, DatesAreComparedAsTimesNotAsText) {
  // 10:00 in Karachi (+05:00) is 05:00Z, before 08:00Z; as text it would sort after it.
  const std::vector<Document> articles = {
      article("a", "one.example", "Talks resume", "Talks resumed in Doha on Saturday.", "2021-10-09T08:00:00Z", "politics"),
      article("b", "two.example", "Talks to resume", "Talks are due to resume in Doha.", "2021-10-09T10:00:00+05:00",
              "politics"),
      article("c", "three.example", "Talks resumed", "Talks went on in Doha.", "2021-10-09T09:30:00+00:00", "politics"),
  };
  const Story record = pipeline::make_story_record("story-a", "storyline-a", articles, 3, 1633800000);
  EXPECT_EQ(timestamp_text(record.first_published), "2021-10-09T10:00:00+05:00")
      << "the earliest instant, as its article wrote it";
  EXPECT_EQ(timestamp_text(record.last_published), "2021-10-09T09:30:00+00:00");
}

TEST(Story, QuotesKeepWhomTheyWereToldToThroughTheStore) {
  Document told = article("a", "dawn.example", "Taliban ready for talks",
                          "Taliban spokesman Zabihullah Mujahid told Al Arabiya that the group was ready for talks with "
                          "Washington.",
                          "2021-10-09T08:00:00Z", "politics");
  told.entities.push_back({"Zabihullah Mujahid", "person"});
  told.entities.push_back({"Al Arabiya", "organization"});
  const Story record = pipeline::make_story_record("story-a", "storyline-a", {told}, 1, 1633800000);
  ASSERT_FALSE(record.overview.quotes.empty());
  EXPECT_EQ(record.overview.quotes[0].told_to.value_or(""), "Al Arabiya");
  const auto value = nlohmann::json::parse(pipeline::story_to_json(record, {told}));
  EXPECT_EQ(value["quotes"][0]["told_to"], "Al Arabiya") << "the API shows it too";
}

TEST(Story, AStoryWithoutTitlesIsNamedByItsOpeningWords) {
  const std::vector<Document> articles = {
      article("a", "feed.example", std::nullopt,
              "Storm warnings were issued for the whole coast on Friday as forecasters expected winds above one hundred "
              "kilometres an hour and heavy rain overnight.",
              "2024-03-04T10:00:00Z", "society")};
  const Story record = pipeline::make_story_record("story-a", "storyline-a", articles, 1, 1709640000);
  ASSERT_TRUE(record.title);
  EXPECT_TRUE(record.title->starts_with("Storm warnings were issued")) << *record.title;
  EXPECT_LE(record.title->size(), 95u);
}

TEST(Story, CopiesAddPublishersButNoArticleAndNoHeat) {
  const std::vector<Document> articles = {article("a", "one.example", "Council approves river bridge",
                                                  "The city council approved the river bridge on Monday.",
                                                  "2024-03-04T10:00:00Z", "society"),
                                          article("b", "two.example", "Bridge over the river approved",
                                                  "Councillors approved the bridge over the river.", "2024-03-04T12:00:00Z",
                                                  "society")};
  Document reprint = articles[0];
  reprint.id = "a-reprint";
  reprint.url = "https://www.portal.example/news/a";
  reprint.domain = "portal.example";
  reprint.site_name = "Portal";
  Document own_copy = articles[0];
  own_copy.id = "a-amp";
  own_copy.url = "https://amp.one.example/a";
  const std::vector<store::StoredCopy> copies = {{reprint, "a"}, {own_copy, "a"}};

  const Story alone = pipeline::make_story_record("story-a", "storyline-a", articles, 2, 1709640000);
  const Story copied = pipeline::make_story_record("story-a", "storyline-a", articles, 2, 1709640000, copies, 2);
  EXPECT_EQ(copied.article_count, 2u);
  EXPECT_EQ(copied.publisher_count, 3u) << "the reprinting portal is a publisher of the story";
  EXPECT_DOUBLE_EQ(copied.heat, alone.heat) << "a reprint is no new report";
  EXPECT_DOUBLE_EQ(copied.heat_rank, alone.heat_rank);

  const auto json = nlohmann::json::parse(
      pipeline::story_to_json(copied, articles, std::nullopt, pipeline::StoryDetail::full, copies));
  EXPECT_EQ(json.at("copy_count"), 2);
  EXPECT_EQ(json.at("publisher_count"), 3);
  ASSERT_EQ(json.at("articles").size(), 2u);
  const auto& lead = json.at("articles")[0];
  EXPECT_EQ(lead.at("publisher").at("key"), "one.example");
  EXPECT_EQ(lead.at("copy_count"), 2);
  ASSERT_EQ(lead.at("also_published_by").size(), 1u) << "its own AMP copy is not another publisher";
  EXPECT_EQ(lead.at("also_published_by")[0].at("name"), "Portal");
  EXPECT_EQ(lead.at("also_published_by")[0].at("id"), "a-reprint");
  EXPECT_TRUE(json.at("articles")[1].at("also_published_by").empty());
  EXPECT_EQ(json.at("coverage").size(), 3u);

  // A list (no copies read) keeps the same fields, empty.
  const auto listed = nlohmann::json::parse(
      pipeline::story_to_json(copied, articles, std::nullopt, pipeline::StoryDetail::list));
  EXPECT_EQ(listed.at("articles")[0].at("copy_count"), 0);
  EXPECT_FALSE(listed.contains("coverage"));
}
