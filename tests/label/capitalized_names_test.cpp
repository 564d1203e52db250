#include "storyline/label/capitalized_names.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "storyline/label/label_document.h"

using namespace storyline;

namespace {

const label::EntityMention* find(const std::vector<label::EntityMention>& mentions, const std::string& text) {
  const auto found = std::find_if(mentions.begin(), mentions.end(),
                                  [&](const label::EntityMention& mention) { return mention.text == text; });
  return found == mentions.end() ? nullptr : &*found;
}

}  // namespace

TEST(CapitalizedNames, OnlyLanguagesThatCapitaliseNamesAlone) {
  EXPECT_TRUE(label::capitalises_only_names("ru"));
  EXPECT_TRUE(label::capitalises_only_names("es"));
  EXPECT_FALSE(label::capitalises_only_names("de"));  // every German noun is capitalised
  EXPECT_FALSE(label::capitalises_only_names("ar"));  // no capitals at all
}

TEST(CapitalizedNames, InflectedFormsAreOneNameInItsMostFrequentForm) {
  const auto mentions = label::capitalized_names(
      "Президент Владимир Путин провёл встречу. Встреча с Путиным прошла в Кремле. Позже Путин уехал, а Путина "
      "ждали в Сочи. В Германии об этом писали.",
      "ru");
  const auto* putin = find(mentions, "Путин");
  ASSERT_NE(putin, nullptr);
  EXPECT_GE(putin->count, 3);  // Путин, Путиным, Путина
  EXPECT_EQ(find(mentions, "Путиным"), nullptr);
  const auto* germany = find(mentions, "Германия");  // written "Германии": ICU's name, inflected
  ASSERT_NE(germany, nullptr);
  EXPECT_EQ(germany->type, "location");
  // A surname with a country's stem is no country ("Швецов", "Швеция").
  const auto surname = label::capitalized_names("Об этом сообщил Швецов. Позже Швецов уехал.", "ru");
  const auto* shvetsov = find(surname, "Швецов");
  ASSERT_NE(shvetsov, nullptr);
  EXPECT_NE(shvetsov->type, "location");
  const auto* full = find(mentions, "Владимир Путин");
  ASSERT_NE(full, nullptr);
  EXPECT_EQ(full->type, "person");  // "Vladimir" is a given name
}

TEST(CapitalizedNames, ACommonWordOpeningASentenceIsNoName) {
  const auto mentions =
      label::capitalized_names("Nuevas normas entran en vigor. Las nuevas normas afectan a Madrid y a Sevilla.", "es");
  EXPECT_EQ(find(mentions, "Nuevas"), nullptr);
  EXPECT_NE(find(mentions, "Madrid"), nullptr);
  EXPECT_NE(find(mentions, "Sevilla"), nullptr);
}

TEST(CapitalizedNames, SpanishDocumentsGetNamesAndTopics) {
  Document document;
  document.id = "es-1";
  document.language = "es";
  document.title = "Francisco González, imputado por el caso BBVA";
  document.text =
      "El expresidente de BBVA Francisco González fue imputado este viernes. La Audiencia Nacional citó a Francisco "
      "González para declarar. El banco BBVA dijo que colaborará con la justicia en España.";
  label::label_document(document);
  const bool person = std::any_of(document.entities.begin(), document.entities.end(), [](const Entity& entity) {
    return entity.text == "Francisco González" && entity.type == "person";
  });
  EXPECT_TRUE(person);
  EXPECT_NE(std::find(document.topics.begin(), document.topics.end(), "Francisco González"), document.topics.end());
}

TEST(CapitalizedNames, OnlyTheStartOfAHugeBodyIsReadForNames) {
  // A body of megabytes costs its first kMaxNamedTextBytes, whichever reader: a name only past
  // them is not found, one before them is.
  for (const char* language : {"en", "es", "de"}) {
    SCOPED_TRACE(language);
    Document document;
    document.id = "huge";
    document.language = language;
    document.title = "x";
    std::string body = "Officials met Carla Montes in Lisboa. ";
    while (body.size() < label::kMaxNamedTextBytes + 1000) body += "and then nothing at all happened there. ";
    body += "Officials met Gustavo Ferreira in Coimbra. Gustavo Ferreira spoke.";
    document.text = body;
    label::label_entities(document);
    const auto named = [&](const std::string& text) {
      return std::any_of(document.entities.begin(), document.entities.end(),
                         [&](const Entity& entity) { return entity.text.find(text) != std::string::npos; });
    };
    EXPECT_FALSE(named("Ferreira"));
    EXPECT_FALSE(named("Coimbra"));
  }
}
