#include "storyline/label/label_document.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "storyline/core/model_path.h"
#include "storyline/label/category.h"

using namespace storyline;

namespace {

Document document_in(const std::string& language, const std::string& title, const std::string& text) {
  Document document;
  document.id = language + "-1";
  document.language = language;
  document.title = title;
  document.text = text;
  return document;
}

bool is_a_category(const std::string& name) {
  return std::find(label::kCategoryNames.begin(), label::kCategoryNames.end(), name) != label::kCategoryNames.end();
}

#define REQUIRE_CATEGORY_MODEL()       \
  if (!find_model("categories.model")) \
  GTEST_SKIP() << "models/categories.model not found: the shipped category model is needed"

}  // namespace

TEST(LabelDocument, RussianNewsGetsACategory) {
  REQUIRE_CATEGORY_MODEL();
  Document document =
      document_in("ru", "Сборная России по футболу выиграла матч отборочного турнира",
                  "Сборная России по футболу в субботу обыграла соперника со счётом 3:1 в матче отборочного турнира "
                  "чемпионата Европы. Два мяча забил нападающий команды. Главный тренер после игры поблагодарил "
                  "болельщиков за поддержку на стадионе.");
  label::label_document(document);
  ASSERT_TRUE(document.category.has_value());
  EXPECT_TRUE(is_a_category(*document.category)) << *document.category;
  // Russian capitalises names alone: its capitals are read (label/capitalized_names.h), and
  // "России" is ICU's "Россия", inflected, and written as ICU names it.
  const bool russia = std::any_of(document.entities.begin(), document.entities.end(),
                                  [](const Entity& entity) { return entity.text == "Россия" && entity.type == "location"; });
  EXPECT_TRUE(russia);
  EXPECT_TRUE(document.is_news.has_value());
}

TEST(LabelDocument, GermanNewsGetsACategory) {
  REQUIRE_CATEGORY_MODEL();
  Document document =
      document_in("de", "Europäische Zentralbank erhöht den Leitzins erneut",
                  "Die Europäische Zentralbank hat am Donnerstag den Leitzins um einen Viertelprozentpunkt angehoben. "
                  "Die Notenbank begründete den Schritt mit der hohen Inflation. Ökonomen hatten mit der Erhöhung "
                  "gerechnet, die Börsen reagierten gelassen.");
  label::label_document(document);
  ASSERT_TRUE(document.category.has_value());
  EXPECT_TRUE(is_a_category(*document.category)) << *document.category;
  EXPECT_TRUE(document.is_news.has_value());
}

TEST(LabelDocument, LoremIpsumIsNotNews) {
  Document document = document_in(
      "la", "Welcome", "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.");
  label::label_document(document);
  EXPECT_EQ(document.is_news, std::optional<bool>(false));
}

TEST(LabelDocument, KeepsLabelsItArrivedWith) {
  Document document = document_in("en", "Anything", "Lorem ipsum dolor sit amet.");
  document.category = "sports";
  document.is_news = true;
  label::label_document(document);
  EXPECT_EQ(document.category, std::optional<std::string>("sports"));
  EXPECT_EQ(document.is_news, std::optional<bool>(true));
}
