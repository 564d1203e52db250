#pragma once
// Named entities of languages that capitalise only names (Russian, Spanish, French, Italian,
// Dutch, Polish...), where no trained tagger is shipped: the capitalised runs of text/name_runs.h.
// Inflected forms of a name count as one ("Путин", "Путина", "Путину": their words' stems are
// compared) and the name is written in its most frequent form. A type is given only when
// something says it:
//   - the gazetteer knows the name as written ("Google", "Barack Obama", "London");
//   - ICU names a country so in the document's language, in any inflection ("Германии");
//   - two or three capitalised words opening with a given name the gazetteer knows (in Latin
//     letters: "Владимир" is "Vladimir") are a person ("Emmanuel Macron", "Владимир Зеленский");
//   - anything else is `other` (acronyms too: as organizations they made "TV", "PC" and "IT"
//     topics, and on MEANTIME es/it their precision was 0.09-0.10).
// A word opening a sentence is taken only when the text also writes it capitalised inside a
// sentence and never in lower case, and the translation lexicon does not know it as a common word.
// German is not read so (every noun is capitalised): it has its tagger (entity_tagger.h).
#include <string_view>
#include <vector>

#include "storyline/label/entity_recognizer.h"  // EntityMention

namespace storyline::label {

// Whether `language` (ISO 639-1) writes capitals only on names and sentence openers.
bool capitalises_only_names(std::string_view language);

// The names of a text in `language`, most mentioned first (ties: first seen first).
std::vector<EntityMention> capitalized_names(std::string_view text, std::string_view language);

}  // namespace storyline::label
