#pragma once
// The id of a document that arrives without one of its own (finalize_document gives it).
//
// The URL identifies an article across re-crawls. Without one, the content does: the title and
// text (the excerpt when there is no text), and the publisher (core/publisher.h: the registered
// domain of its `domain` field, else its site name) when the document names one, so that the
// same wire story printed by two publishers is two documents (dedup marks the later a copy of
// the first), while the same record read again from the same publisher keeps its id. A document
// that names no publisher keeps the id of content alone, as ids were derived before publishers
// took part (issue 16), so that ids already stored for such documents do not change.
#include <string>

#include "storyline/core/document.h"

namespace storyline::extract {

// 16 lower-case hex digits.
std::string derived_document_id(const Document& document);

}  // namespace storyline::extract
