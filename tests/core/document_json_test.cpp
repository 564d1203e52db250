#include "storyline/core/document_json.h"

#include <gtest/gtest.h>

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
