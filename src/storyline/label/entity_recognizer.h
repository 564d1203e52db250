#pragma once
// Named entities (people, organizations, places) in English news text, without a pretrained
// model: capitalized-name runs, split at titles ("Secretary of State", "Foreign Minister"),
// typed by the gazetteer, by context ("spokesman X", "X said", "in X"), by organization suffixes
// ("Council", "Department") and acronyms; short mentions ("Blinken") join their full name.
#include <string>
#include <string_view>
#include <vector>

#include "storyline/core/document.h"

namespace storyline::label {

struct EntityMention {
  std::string text;  // the fullest form seen ("Antony Blinken")
  std::string type;  // person, organization, location, other
  int count = 0;     // mentions, short forms included
  size_t first_offset = 0;
};

// Most mentioned first (ties: first seen first).
std::vector<EntityMention> recognize_entities(std::string_view utf8_text);

// Only the start of a body is read for names: an article's subjects are named in its first
// thousands of words, and a body of megabytes (a pasted transcript, a hostile POST) would
// otherwise cost seconds on the write path.
inline constexpr size_t kMaxNamedTextBytes = 64 * 1024;

// For a document: title and body (or excerpt; its first kMaxNamedTextBytes), most mentioned first.
std::vector<EntityMention> document_mentions(const Document& document);

// The same as entities: at most `limit`.
std::vector<Entity> document_entities(const Document& document, size_t limit = 25);
// Those of `mentions` (document_mentions) as entities: at most `limit`.
std::vector<Entity> as_entities(const std::vector<EntityMention>& mentions, size_t limit = 25);

}  // namespace storyline::label
