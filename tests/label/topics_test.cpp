#include "storyline/label/topics.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "storyline/core/model_path.h"
#include "storyline/label/entity_recognizer.h"
#include "storyline/label/label_document.h"

using namespace storyline;

namespace {

Document english(const std::string& title, const std::string& text) {
  Document document;
  document.id = "en-1";
  document.language = "en";
  document.title = title;
  document.text = text;
  return document;
}

bool has(const std::vector<std::string>& topics, const std::string& topic) {
  return std::find(topics.begin(), topics.end(), topic) != topics.end();
}

// A report long enough that a name said once is said in passing.
const char* kEmbassyReport =
    "The United States has ruled out reopening its embassy in Kabul, officials said on Tuesday. The Taliban had asked "
    "Washington to return its diplomats and to recognise their government. A State Department spokesperson said the "
    "embassy would stay closed and that no talks on recognition were under way. Taliban officials said they still "
    "hoped for diplomatic relations with the United States. The embassy has been closed since the withdrawal, and "
    "American diplomats work from Qatar. Envoys of several countries met Taliban ministers in Kabul last month. A "
    "reporter from Reuters asked about the negotiations, and the ambassador declined to comment on them. Diplomats "
    "in the region expect no change in recognition before next year.";

}  // namespace

TEST(DocumentTopics, NamesMentionedTwiceOrInTheTitleThenTheTheme) {
  const Document document = english("US rules out reopening Kabul embassy", kEmbassyReport);
  const auto topics = label::document_topics(document, label::document_mentions(document));
  EXPECT_TRUE(has(topics, "Taliban"));
  EXPECT_TRUE(has(topics, "United States"));
  EXPECT_TRUE(has(topics, "Kabul"));  // in the title and the text
  EXPECT_FALSE(has(topics, "Reuters")) << "named once, in passing";
  EXPECT_TRUE(has(topics, "Diplomacy"));
  EXPECT_EQ(topics.back(), "Diplomacy") << "names come before themes";
}

TEST(DocumentTopics, InAShortStandfirstEveryNameCounts) {
  const Document document = english("Talks set", "U.S. officials will meet Taliban representatives in Doha this weekend.");
  const auto topics = label::document_topics(document, label::document_mentions(document));
  EXPECT_TRUE(has(topics, "Doha"));
  EXPECT_TRUE(has(topics, "Taliban"));
}

TEST(DocumentTopics, OnlyPeopleOrganizationsAndPlacesOfAFewWords) {
  EXPECT_TRUE(label::is_topic_entity({"Antony Blinken", "person"}));
  EXPECT_TRUE(label::is_topic_entity({"Taliban", "organization"}));
  EXPECT_FALSE(label::is_topic_entity({"Afghans", "other"}));
  EXPECT_FALSE(label::is_topic_entity({"D", "organization"}));
  EXPECT_FALSE(label::is_topic_entity({"The Very Long Name Of Some Committee", "organization"}));
}

TEST(DocumentTopics, ArrivedEntitiesGiveTheirFirstNames) {
  Document document = english("Markets", "Shares rose.");
  document.entities = {{"Wall Street", "location"}, {"Americans", "other"}, {"Federal Reserve", "organization"}};
  EXPECT_EQ(label::document_topics(document), (std::vector<std::string>{"Wall Street", "Federal Reserve"}));
}

TEST(DocumentTopics, OneCueWordMakesNoTheme) {
  const Document document = english("United win again",
                                    "United beat City 2-0 on Saturday. The coach praised the defence after the talks "
                                    "about his contract were put off. Fans sang throughout the game at the stadium.");
  EXPECT_FALSE(has(label::themes_of({document}), "Diplomacy"));
}

TEST(DocumentTopics, ThemesOfOtherLanguagesThroughTheLexicon) {
  if (!find_model("lexicon.tsv")) GTEST_SKIP() << "models/lexicon.tsv not found: the shipped lexicon is needed";
  Document document;
  document.id = "ru-1";
  document.language = "ru";
  document.title = "Переговоры о перемирии продолжатся";
  document.text =
      "Переговоры о перемирии продолжатся в четверг. Войска отведены от линии фронта, армия соблюдает режим "
      "прекращения огня. Военные сообщили, что ракетных ударов не было. Солдаты остаются на позициях, войска "
      "обеих сторон ждут решения. Армия готова к отводу войск.";
  const auto themes = label::themes_of({document});
  ASSERT_FALSE(themes.empty());
  EXPECT_EQ(themes.front(), "Armed conflict");
}

TEST(LabelDocumentTopics, LabellingFillsTopicsAndKeepsGivenOnes) {
  Document document = english("US rules out reopening Kabul embassy", kEmbassyReport);
  label::label_document(document);
  EXPECT_TRUE(has(document.topics, "Taliban"));
  Document given = english("US rules out reopening Kabul embassy", kEmbassyReport);
  given.topics = {"Afghanistan"};
  label::label_document(given);
  EXPECT_EQ(given.topics, (std::vector<std::string>{"Afghanistan"}));
}
