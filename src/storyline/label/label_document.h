#pragma once
// The labelling stage for one document: what it names (entities). Runs after extraction, before
// deduplication and clustering.
#include "storyline/core/document.h"

namespace storyline::label {

// Fills document.entities when they are empty (a document that arrives labelled keeps its labels).
void label_document(Document& document);

}  // namespace storyline::label
