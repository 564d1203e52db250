#include "storyline/label/entity_tagger.h"

#include <gtest/gtest.h>

#include "storyline/core/model_path.h"
#include "storyline/label/category_model.h"  // ModelError
#include "storyline/label/label_document.h"

using namespace storyline;

namespace {

int tag(std::string_view name) { return label::entity_tag_index(name); }

}  // namespace

TEST(EntityTagger, AnInsideTagContinuesOnlyItsOwnName) {
  EXPECT_EQ(label::repaired_tag(tag("I-PER"), tag("B-PER")), tag("I-PER"));
  EXPECT_EQ(label::repaired_tag(tag("I-PER"), tag("I-PER")), tag("I-PER"));
  EXPECT_EQ(label::repaired_tag(tag("I-PER"), tag("O")), tag("B-PER"));
  EXPECT_EQ(label::repaired_tag(tag("I-LOC"), tag("B-PER")), tag("B-LOC"));
  std::array<float, label::kEntityTagCount> scores{};
  scores[static_cast<size_t>(tag("I-ORG"))] = 5;
  scores[static_cast<size_t>(tag("B-ORG"))] = 3;
  EXPECT_EQ(label::best_allowed_tag(scores, tag("O")), tag("B-ORG"));
  EXPECT_EQ(label::best_allowed_tag(scores, tag("B-ORG")), tag("I-ORG"));
}

TEST(EntityTagger, ABrokenModelFileIsNamed) {
  EXPECT_THROW(label::EntityTagger::deserialize("not a model\n", "x.model"), label::ModelError);
  EXPECT_THROW(label::EntityTagger::deserialize("STORYLINE ENTITY TAGGER 1\nlanguage de\nbits 8\n999999 0 1\n", "x.model"),
               label::ModelError);
  EXPECT_THROW(label::EntityTagger::deserialize("STORYLINE ENTITY TAGGER 1\nlanguage de\nbits 8\n1 2 x\n", "x.model"),
               label::ModelError);
  EXPECT_NO_THROW(label::EntityTagger::deserialize("STORYLINE ENTITY TAGGER 1\nlanguage de\nbits 8\n1 2 0.5\n", "x.model"));
}

TEST(EntityTagger, NoTaggerForALanguageWithoutOne) {
  EXPECT_EQ(label::shipped_entity_tagger("xx"), nullptr);
  EXPECT_EQ(label::shipped_entity_tagger("../../etc"), nullptr);
}

TEST(EntityTagger, GermanDocumentsGetNamesAndTopics) {
  if (!find_model("entities-de.model")) GTEST_SKIP() << "models/entities-de.model not found: run storyline train entities";
  Document document;
  document.id = "de-1";
  document.language = "de";
  document.title = "Merkel trifft Macron in Paris";
  document.text =
      "Bundeskanzlerin Angela Merkel ist am Montag in Paris mit dem französischen Präsidenten Emmanuel Macron "
      "zusammengetroffen. Merkel und Macron sprachen über die Zukunft der Europäischen Union. In Paris wurde auch "
      "über den Haushalt der Europäischen Union beraten.";
  label::label_document(document);
  bool merkel = false, paris = false;
  for (const Entity& entity : document.entities) {
    merkel |= entity.text == "Angela Merkel" && entity.type == "person";
    paris |= entity.text == "Paris" && entity.type == "location";
  }
  EXPECT_TRUE(merkel);
  EXPECT_TRUE(paris);
  EXPECT_NE(std::find(document.topics.begin(), document.topics.end(), "Angela Merkel"), document.topics.end());
  // Capitalized German nouns are no names.
  for (const Entity& entity : document.entities) EXPECT_NE(entity.text, "Haushalt");
}
