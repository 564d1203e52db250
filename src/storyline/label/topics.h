#pragma once
// Topics (INTERFACE.md's `topics`): the specific subjects a reader would tag a text with, its
// central people, organizations and places ("Taliban", "Afghanistan"), then one or two broad
// themes ("Diplomacy") from the cue words of topic_themes.tsv. For one document here; a story's
// topics (summarize/story_topics.h) weigh its articles' names across them and use the same themes.
#include <string>
#include <vector>

#include "storyline/core/document.h"
#include "storyline/label/entity_recognizer.h"

namespace storyline::label {

inline constexpr size_t kMaxTopics = 8;
// Names before themes: at most this many, so that a theme always has room.
inline constexpr size_t kMaxNameTopics = 6;
// A document's own names: its most mentioned ones. Past the first few, names are mentioned once
// in passing (a quoted official's employer, a city in a dateline) and say little of the subject.
inline constexpr size_t kMaxDocumentNameTopics = 4;

// Themes whose cue words are dense enough in these texts, strongest first (at most two). English
// texts are read word by word; others through the translation lexicon (English stems), when the
// shipped one is found.
std::vector<std::string> themes_of(const std::vector<Document>& articles);

// Whether an entity can be a topic: a person, organization or place named in at most four words,
// more than one letter ("other" holds nationalities and unclassified capitalized runs, no
// subjects by themselves).
bool is_topic_entity(const Entity& entity);

// The document's topics from what the recognizer found in it (document_mentions): the names it
// mentions at least twice or in its title, most mentioned first, then its themes. A name
// mentioned once in passing (a quoted official's employer, a word misread as a name) is no
// subject. Empty for a text with no such name and no theme.
std::vector<std::string> document_topics(const Document& document, const std::vector<EntityMention>& mentions);

// The same for a document that arrived with its entities (no mention counts): the first of them
// that can be topics, then its themes.
std::vector<std::string> document_topics(const Document& document);

}  // namespace storyline::label
