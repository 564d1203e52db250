#include "storyline/rank/article_quality.h"

#include <gtest/gtest.h>

using storyline::Document;
using storyline::rank::article_quality;

namespace {

std::string paragraphs(int count) {
  std::string text;
  for (int i = 0; i < count; ++i)
    text +=
        "The regional council met on Thursday to discuss the new water plan for the valley, which farmers say "
        "will decide whether their orchards survive another dry summer. Paragraph " +
        std::to_string(i) + " adds detail.\n\n";
  return text;
}

Document complete(std::string text) {
  Document document;
  document.id = "d";
  document.title = "Council debates valley water plan";
  document.url = "https://news.example/water";
  document.published = "2024-05-02T10:00:00Z";
  document.author = "Jane Roe";
  document.domain = "news.example";
  document.excerpt = "The council met to discuss the water plan.";
  document.images.push_back({"https://news.example/a.jpg", 800, 600});
  document.text = std::move(text);
  return document;
}

void expect_parts_in_range(const storyline::rank::ArticleQuality& quality) {
  for (double part : {quality.parts.body, quality.parts.metadata, quality.parts.cleanliness}) {
    EXPECT_GE(part, 0.0);
    EXPECT_LE(part, 1.0);
  }
  EXPECT_GE(quality.score, 0);
  EXPECT_LE(quality.score, 100);
}

}  // namespace

TEST(ArticleQuality, CleanLongArticleBeatsChromeAndExcerptOnly) {
  const auto clean = article_quality(complete(paragraphs(20)));
  std::string chrome_text = paragraphs(20);
  for (const char* line :
       {"Share", "Tweet", "Leave a Reply", "Your email address will not be published.", "HOME", "WORLD NEWS", "Subscribe",
        "Share", "Related Articles", "Tweet", "Read more", "Scroll to Top", "Ã©tÃ© Â"})
    chrome_text += std::string(line) + "\n";
  const auto chrome = article_quality(complete(chrome_text));
  Document excerpt_only = complete("");
  excerpt_only.text.reset();
  const auto excerpt = article_quality(excerpt_only);

  expect_parts_in_range(clean);
  expect_parts_in_range(chrome);
  expect_parts_in_range(excerpt);
  EXPECT_GT(clean.score, chrome.score);
  EXPECT_GT(clean.score, excerpt.score);
  EXPECT_LT(chrome.parts.cleanliness, clean.parts.cleanliness);
  EXPECT_GT(clean.parts.body, 0.9);
  EXPECT_GT(excerpt.parts.body, 0.0) << "an excerpt is worth something";
  EXPECT_LT(excerpt.parts.body, 0.35);
  EXPECT_DOUBLE_EQ(clean.parts.metadata, 1.0);
}

TEST(ArticleQuality, MissingMetadataLowersOnlyThatPart) {
  Document bare;
  bare.id = "b";
  bare.text = paragraphs(20);
  const auto quality = article_quality(bare);
  expect_parts_in_range(quality);
  EXPECT_DOUBLE_EQ(quality.parts.metadata, 0.0);
  EXPECT_GT(quality.parts.body, 0.9);
  EXPECT_LT(quality.score, article_quality(complete(paragraphs(20))).score);
}

TEST(ArticleQuality, EmptyDocumentScoresLowWithoutFailing) {
  Document empty;
  const auto quality = article_quality(empty);
  expect_parts_in_range(quality);
  EXPECT_LT(quality.score, 40);
}

TEST(ArticleQuality, ExcerptOnlyRecordStaysBelowHalf) {
  Document record = complete("");
  record.text = record.excerpt;  // feeds and related-story lists copy the excerpt into the text
  const auto quality = article_quality(record);
  EXPECT_LT(quality.score, 50);
  EXPECT_GT(quality.score, 0);
}
