#include "storyline/core/document_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

using namespace storyline;

TEST(DocumentJson, RoundTripsEveryField) {
  Document document;
  document.id = "abc";
  document.source = "seeds/x.txt";
  document.url = "https://example.org/a";
  document.title = "Title \"quoted\"";
  document.text = "Para one.\n\nPara two.";
  document.language = "en";
  document.topics = {"Taliban", "Diplomacy"};
  document.entities = {{"Antony Blinken", "person"}};
  document.images = {{"https://example.org/a.jpg", 10, std::nullopt}};
  const std::string line = to_json_line(document);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_TRUE(line.starts_with("{\"id\": \"abc\", \"source\""));
  EXPECT_NE(line.find("\"author\": null"), std::string::npos);
  const Document back = document_from_json(line);
  EXPECT_EQ(back.title, document.title);
  EXPECT_EQ(back.text, document.text);
  EXPECT_EQ(back.topics, document.topics);
  ASSERT_EQ(back.entities.size(), 1u);
  EXPECT_EQ(back.entities[0].type, "person");
  ASSERT_EQ(back.images.size(), 1u);
  EXPECT_EQ(back.images[0].width, 10);
  EXPECT_FALSE(back.images[0].height.has_value());
}

TEST(DocumentJson, BadFieldTypeIsNamed) {
  try {
    document_from_json("{\"id\": \"x\", \"title\": [1]}");
    FAIL();
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("title"), std::string::npos);
  }
}

TEST(DocumentJson, IsNewsSectionAndPageTypesRoundTrip) {
  Document document;
  document.id = "p1";
  document.is_news = false;
  document.section = "Wirtschaft";
  document.page_types = {"og:product", "Product"};
  const Document back = document_from_json(to_json_line(document));
  EXPECT_EQ(back.is_news, std::optional<bool>(false));
  EXPECT_EQ(back.section, document.section);
  EXPECT_EQ(back.page_types, document.page_types);
  document.is_news = true;
  EXPECT_EQ(document_from_json(to_json_line(document)).is_news, std::optional<bool>(true));
}

TEST(DocumentJson, UnknownIsNewsIsNull) {
  Document document;
  document.id = "u1";
  const std::string line = to_json_line(document);
  EXPECT_NE(line.find("\"is_news\": null"), std::string::npos) << line;
  EXPECT_EQ(document_from_json(line).is_news, std::nullopt);
  EXPECT_EQ(document_from_json("{\"id\": \"old\", \"title\": \"Written before is_news existed\"}").is_news, std::nullopt);
}

TEST(DocumentJson, FieldsKeepTheInterfaceOrder) {
  Document document;
  document.id = "o1";
  document.images = {{"https://example.org/a.jpg", 10, 20}};
  document.is_news = true;
  // ordered_json keeps the keys as the line writes them.
  const auto value = nlohmann::ordered_json::parse(to_json_line(document));
  std::vector<std::string> keys;
  for (const auto& item : value.items()) keys.push_back(item.key());
  const std::vector<std::string> interface_order = {"id",        "source",   "url",       "title",  "text",     "excerpt",
                                                    "published", "author",   "site_name", "domain", "language", "category",
                                                    "topics",    "entities", "images",    "is_news"};
  ASSERT_GE(keys.size(), interface_order.size());
  EXPECT_EQ(std::vector<std::string>(keys.begin(), keys.begin() + static_cast<long>(interface_order.size())),
            interface_order);
}
