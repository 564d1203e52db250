#pragma once
// The labelling stage for one document: what it names (entities) and what it is about (its
// category). Runs after extraction, before deduplication and clustering.
#include "storyline/core/document.h"

namespace storyline::label {

// Fills document.entities and document.category when they are empty (a document that arrives
// labelled keeps its labels). Without a usable category model the category stays null and the
// rest still runs.
void label_document(Document& document);

// Fills document.entities when empty, as label_document does: only for English (or unknown)
// documents, since the recognizer's cues are English. Clustering labels people this way too.
void label_entities(Document& document);

}  // namespace storyline::label
