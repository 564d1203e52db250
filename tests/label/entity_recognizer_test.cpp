#include "storyline/label/entity_recognizer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>

#include "storyline/ingest/read_documents.h"
#include "storyline/label/gazetteer.h"
#include "test_paths.h"

using namespace storyline::label;

namespace {

std::map<std::string, std::string> by_name(const std::vector<EntityMention>& entities) {
  std::map<std::string, std::string> names;
  for (const auto& entity : entities) names[entity.text] = entity.type;
  return names;
}

}  // namespace

TEST(Gazetteer, KnowsCountriesFromIcu) {
  const Gazetteer& gazetteer = Gazetteer::instance();
  EXPECT_EQ(gazetteer.lookup("Afghanistan"), NameType::kLocation);
  EXPECT_EQ(gazetteer.lookup("United States"), NameType::kLocation);
  EXPECT_EQ(gazetteer.lookup("Qatar"), NameType::kLocation);
  EXPECT_FALSE(gazetteer.lookup("Leave a Reply").has_value());
}

TEST(EntityRecognizer, PeopleFromTitlesAndSpeechVerbs) {
  const auto names = by_name(recognize_entities(
      "Taliban Foreign Minister Amir Khan Muttaqi met the envoy. U.S. Secretary of State Antony Blinken said the "
      "mission was over. \"We are leaving,\" Blinken said. NSC spokesperson James Hewitt told reporters that the "
      "White House National Security Council had no plans."));
  EXPECT_EQ(names.count("Amir Khan Muttaqi") ? names.at("Amir Khan Muttaqi") : "", "person");
  EXPECT_EQ(names.count("Antony Blinken") ? names.at("Antony Blinken") : "", "person");
  EXPECT_EQ(names.count("James Hewitt") ? names.at("James Hewitt") : "", "person");
  EXPECT_EQ(names.count("Blinken"), 0u) << "the short form joins the full name";
  EXPECT_EQ(names.count("NSC") ? names.at("NSC") : "", "organization");
  EXPECT_EQ(names.count("National Security Council") ? names.at("National Security Council") : "", "organization");
}

TEST(EntityRecognizer, HyphenatedGivenNamesStayWhole) {
  const auto names = by_name(recognize_entities(
      "Interior Minister Lee Sang-min said the police would act. Han Kuo-yu said the island would decide. Alibaba "
      "Chief Executive Officer Daniel Zhang spoke. The US-led coalition and Hong Kong-based lenders met."));
  EXPECT_EQ(names.count("Lee Sang-min") ? names.at("Lee Sang-min") : "", "person");
  EXPECT_EQ(names.count("Han Kuo-yu") ? names.at("Han Kuo-yu") : "", "person");
  EXPECT_EQ(names.count("Daniel Zhang") ? names.at("Daniel Zhang") : "", "person") << "titles are cut off";
  EXPECT_EQ(names.count("Lee Sang"), 0u);
  EXPECT_EQ(names.count("Executive Officer Daniel Zhang"), 0u);
  EXPECT_EQ(names.count("US-led"), 0u) << "a hyphen suffix makes an adjective, not a name";
  EXPECT_EQ(names.count("Hong Kong-based"), 0u);
}

TEST(EntityRecognizer, ANameBeforeATitleIsTheEmployer) {
  const auto names = by_name(recognize_entities(
      "Alibaba had planned to list in the summer. Daniel Zhang, Alibaba Chief Executive Officer, said the group "
      "would go ahead. Alibaba said its shares trade in New York."));
  EXPECT_EQ(names.count("Alibaba") ? names.at("Alibaba") : "", "organization") << "even where 'Alibaba said'";
  EXPECT_EQ(names.count("Daniel Zhang") ? names.at("Daniel Zhang") : "", "person") << "the title is set beside the name";
}

TEST(EntityRecognizer, PageChromeIsNotAnEntity) {
  const auto names = by_name(
      recognize_entities("Most countries have closed their embassies.\n\nLeave a Reply\n\nYour email address will not be "
                         "published.\n\nScroll to Top\n\nSubmit a Correction →"));
  for (const auto& [name, type] : names) {
    EXPECT_EQ(name.find("Leave"), std::string::npos) << name;
    EXPECT_EQ(name.find("Reply"), std::string::npos) << name;
    EXPECT_EQ(name.find("Scroll"), std::string::npos) << name;
    EXPECT_EQ(name.find("Submit"), std::string::npos) << name;
  }
}

TEST(EntityRecognizer, SeedsNameTheRequiredEntities) {
  STORYLINE_REQUIRE_SHARED(shared);
  std::map<std::string, std::string> found;
  for (const auto& entry : std::filesystem::directory_iterator(shared + "/seeds")) {
    std::ifstream file(entry.path(), std::ios::binary);
    storyline::ingest::RawInput input{entry.path().string(),
                                      std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()),
                                      std::nullopt};
    for (const auto& document : storyline::ingest::read_documents(input).documents) {
      const std::string text = document.title.value_or("") + "\n" + document.text.value_or("");
      for (const auto& entity : recognize_entities(text)) {
        std::cout << entry.path().filename().string() << ": " << entity.text << " (" << entity.type << ", " << entity.count
                  << ")\n";
        found.emplace(entity.text, entity.type);
      }
    }
  }
  const std::pair<const char*, const char*> required[] = {
      {"Taliban", "organization"},     {"Zabihullah Mujahid", "person"},
      {"Antony Blinken", "person"},    {"Hibatullah Akhundzada", "person"},
      {"Amir Khan Muttaqi", "person"}, {"Doha", "location"},
      {"Qatar", "location"},           {"Kabul", "location"},
      {"Afghanistan", "location"},     {"Pakistan", "location"},
      {"Istanbul", "location"},        {"Türkiye", "location"},
      {"United States", "location"}};
  for (const auto& [name, type] : required) {
    ASSERT_TRUE(found.count(name)) << name << " not found";
    EXPECT_EQ(found.at(name), type) << name;
  }
  for (const char* chrome : {"Leave a Reply", "Scroll to Top", "Leave", "Reply", "Scroll", "Top"})
    EXPECT_EQ(found.count(chrome), 0u) << chrome;
}

TEST(EntityRecognizer, TitleCaseHeadlineWordsAreNotNames) {
  storyline::Document document;
  document.title = "Taliban Warns US Not To 'Destabilise' Regime In Face-to-face Talks";
  document.excerpt = "The Taliban warned the United States in Doha not to destabilise their government.";
  std::map<std::string, std::string> names;
  for (const auto& entity : document_entities(document)) names[entity.text] = entity.type;
  EXPECT_EQ(names.count("Taliban"), 1u);
  EXPECT_EQ(names.count("Doha"), 1u);
  for (const auto& [name, type] : names) {
    EXPECT_EQ(name.find("Warns"), std::string::npos) << name;
    EXPECT_EQ(name.find("Destabilise"), std::string::npos) << name;
    EXPECT_EQ(name.find("Regime"), std::string::npos) << name;
  }
  // A headline alone (no body) is still read: it is all the text there is.
  storyline::Document headline_only;
  headline_only.title = "Antony Blinken Meets Taliban Envoys In Doha";
  EXPECT_FALSE(document_entities(headline_only).empty());
}

// WordNet knows Hillary (Edmund Hillary) as a person and Clinton as a town: a person's single name
// opening a run is a given name, not a second entity. And a full name is a person's when its last
// word, alone, speaks ("Trump said").
TEST(EntityRecognizer, GivenNamesAndSurnamesMakeOnePerson) {
  const auto names = by_name(
      recognize_entities("Hillary Clinton closed her victory speech in New York on Tuesday. Donald Trump won in Indiana. "
                         "Later, Trump said the race was over."));
  EXPECT_EQ(names.count("Hillary Clinton") ? names.at("Hillary Clinton") : "", "person");
  EXPECT_EQ(names.count("Clinton"), 0u) << "not the town";
  EXPECT_EQ(names.count("Donald Trump") ? names.at("Donald Trump") : "", "person");
  EXPECT_EQ(names.count("Trump"), 0u) << "the short form joins the full name";
}
