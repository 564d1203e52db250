#include "storyline/label/label_document.h"

#include <string>

#include "storyline/label/capitalized_names.h"
#include "storyline/label/categorize.h"
#include "storyline/label/entity_recognizer.h"
#include "storyline/label/entity_tagger.h"
#include "storyline/label/news_page.h"
#include "storyline/label/topics.h"
#include "storyline/text/utf8.h"

namespace storyline::label {

namespace {

// The title and body a tagger reads, as document_mentions reads them (the body's first
// kMaxNamedTextBytes).
std::string tagged_text(const Document& document) {
  std::string text = document.title.value_or("");
  text += '\n';
  if (document.text) text += text::utf8_prefix(*document.text, kMaxNamedTextBytes);
  else if (document.excerpt) text += text::utf8_prefix(*document.excerpt, kMaxNamedTextBytes);
  return text;
}

// Fills document.entities when empty, and returns what was found (with counts), or nothing when
// the document kept its own entities or its language has no recognizer.
std::vector<EntityMention> fill_entities(Document& document) {
  if (!document.entities.empty()) return {};
  const std::string language = document.language.value_or("en");
  std::vector<EntityMention> mentions;
  if (language == "en") {
    // The rule-based recognizer's cues (titles, speech verbs, gazetteer) are English.
    mentions = document_mentions(document);
  } else if (const EntityTagger* tagger = shipped_entity_tagger(language)) {
    // A language with a trained tagger (German, whose nouns are all capitalised).
    mentions = tagger->entities(tagged_text(document));
  } else if (capitalises_only_names(language)) {
    // Russian, Spanish, French...: capitalised runs are names.
    mentions = capitalized_names(tagged_text(document), language);
  }
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
