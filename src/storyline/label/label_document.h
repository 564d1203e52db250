#pragma once
// The labelling stage for one document: what it names (entities) and what it is about (its
// category). Runs after extraction, before deduplication and clustering.
#include "storyline/core/document.h"

namespace storyline::label {

// Fills document.entities and document.category when they are empty (a document that arrives
// labelled keeps its labels). Without a usable category model the category stays null and the
// rest still runs.
void label_document(Document& document);

// Fills document.entities when empty, as label_document does: English (or unknown) documents
// through the rule-based recognizer, languages with a shipped tagger (German) through it,
// languages that capitalise only names through their capitals (capitalized_names.h), others
// (scripts without capitals) not at all. Clustering labels people this way too.
void label_entities(Document& document);

}  // namespace storyline::label
