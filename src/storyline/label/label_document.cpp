#include "storyline/label/label_document.h"

#include "storyline/label/categorize.h"
#include "storyline/label/entity_recognizer.h"

namespace storyline::label {

void label_document(Document& document) {
  // The recognizer's cues (titles, speech verbs, gazetteer) are English; other languages would
  // get capitalized common nouns (every German noun) as names, so they wait for their own rules.
  const bool english = !document.language || *document.language == "en";
  if (document.entities.empty() && english) document.entities = document_entities(document);
  // The model is trained on English text only: other languages fall to its prior, so they stay
  // unlabelled rather than wrongly labelled.
  if (!document.category && english && (document.text || document.title)) {
    try {
      document.category = categorize(document);
    } catch (const ModelError&) {
      // No model beside the executable: labelling degrades, extraction does not fail.
    }
  }
}

}  // namespace storyline::label
