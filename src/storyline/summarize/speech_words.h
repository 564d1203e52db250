#pragma once
// Word lists of English news attribution, shared by the quote finder: speech verbs, the nouns
// that make a phrase a speaker ("spokesperson", "official"), and the nouns of messages that speak
// for their author ("the statement said"). Hand-written: they are closed classes of a few dozen
// words each, and no offline resource lists them.
#include <string_view>

namespace storyline::summarize {

// `word` lower-case. Verbs that attribute a direct quotation ("said", "countered", "tweeted").
bool is_quote_verb(std::string_view word);
// The narrower set that introduces reported speech ("X said the talks failed").
bool is_reporting_verb(std::string_view word);
// Heads of speaker phrases ("spokesperson", "minister", "official", "delegation").
bool is_role_noun(std::string_view word);
// Words inside a role phrase before a name: "supreme", "foreign", "former", "deputy".
bool is_role_modifier(std::string_view word);
// Things that speak for their author: "message", "statement", "letter", "tweet".
bool is_message_noun(std::string_view word);
// Words that end a speaker phrase when walking back from the verb: "while", "and", "however".
bool is_clause_boundary(std::string_view word);
// Verbs whose subject is the speaker of a quotation later in their sentence: the quote verbs, and
// verbs that characterise ("called him “a disgrace”", "described it as “…”", "pledged to “…”").
bool is_embedding_verb(std::string_view word);
// `word` lower-case, its period dropped: titles and abbreviations written with a period that does
// not end a sentence ("Rep. John Lewis", "Mr. McAtee", "Sen.", "Gov.", "Jr.").
bool is_title_abbreviation(std::string_view word);

}  // namespace storyline::summarize
