#pragma once
// What both stores' files share about a document's row, whatever the database: its content hash
// and its lists stored as JSON text. Private to src/storyline/store.
#include <string>

#include "storyline/core/document.h"

namespace storyline::store::detail {

// What the article says, not where it was read from: re-reading it from another path or feed
// changes nothing.
std::string content_hash(const Document& document);

// An earlier version of a document, as document_versions keeps it (its JSON).
std::string version_json(const Document& document);

// The list columns of a row (JSON text), as upsert writes them.
struct DocumentLists {
  std::string topics, entities, images, page_types;
};
DocumentLists document_lists(const Document& document);
// Reads them back into `document` (a malformed column leaves its list empty).
void read_document_lists(Document& document, const DocumentLists& lists);

}  // namespace storyline::store::detail
