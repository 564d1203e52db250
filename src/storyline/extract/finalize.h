#pragma once
// The last step for every document, whatever reader made it: clean every text field (mojibake,
// entities already decoded, invisible characters, whitespace, NFC), fill the registered domain
// from the URL, identify the language, and give it a stable id (document_id.h).
#include "storyline/core/document.h"
#include "storyline/extract/page_context.h"

namespace storyline::extract {

void finalize_document(Document& document, const PageContext& context);

}  // namespace storyline::extract
