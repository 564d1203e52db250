#include "storyline/label/label_document.h"

#include "storyline/label/categorize.h"
#include "storyline/label/entity_recognizer.h"
#include "storyline/label/news_page.h"

namespace storyline::label {

void label_entities(Document& document) {
  // The recognizer's cues (titles, speech verbs, gazetteer) are English; other languages would
  // get capitalized common nouns (every German noun) as names, so they wait for their own rules.
  const bool english = !document.language || *document.language == "en";
  if (document.entities.empty() && english) document.entities = document_entities(document);
}

void label_document(Document& document) {
  label_entities(document);
  // Every language gets a category: the model learned from news in many languages and from the
  // sections publishers file their pages under. A document without a word is `other`.
  if (!document.category) {
    try {
      document.category = document.text || document.title || document.excerpt ? categorize(document) : "other";
    } catch (const ModelError&) {
      // No model beside the executable: labelling degrades, extraction does not fail.
    }
  }
  document.is_news = decide_is_news(document);
}

}  // namespace storyline::label
