#include "storyline/label/label_document.h"

#include "storyline/label/entity_recognizer.h"

namespace storyline::label {

void label_document(Document& document) {
  // The recognizer's cues (titles, speech verbs, gazetteer) are English; other languages would
  // get capitalized common nouns (every German noun) as names, so they wait for their own rules.
  const bool english = !document.language || *document.language == "en";
  if (document.entities.empty() && english) document.entities = document_entities(document);
}

}  // namespace storyline::label
