#include "storyline/label/label_document.h"

#include "storyline/label/categorize.h"
#include "storyline/label/entity_recognizer.h"
#include "storyline/label/news_page.h"
#include "storyline/label/topics.h"

namespace storyline::label {

namespace {

// Fills document.entities when empty, and returns what the recognizer found (with counts), or
// nothing when the document kept its own entities or is not in English.
std::vector<EntityMention> fill_entities(Document& document) {
  // The recognizer's cues (titles, speech verbs, gazetteer) are English; other languages would
  // get capitalized common nouns (every German noun) as names, so they wait for their own rules.
  const bool english = !document.language || *document.language == "en";
  if (!document.entities.empty() || !english) return {};
  std::vector<EntityMention> mentions = document_mentions(document);
  document.entities = as_entities(mentions);
  return mentions;
}

}  // namespace

void label_entities(Document& document) { fill_entities(document); }

void label_document(Document& document) {
  const std::vector<EntityMention> mentions = fill_entities(document);
  // A record's own topics are not carried over (ingest/record_reader.cpp): ours are made here.
  if (document.topics.empty())
    document.topics = mentions.empty() ? document_topics(document) : document_topics(document, mentions);
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
