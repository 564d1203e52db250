#pragma once
// The boilerplate phrase rules of boilerplate_phrases.tsv (photo credits, "read more" lead-ins,
// paywall and newsletter prompts, rights notices, page labels...): the table is compiled in,
// turned once into one PhraseAutomaton, and each paragraph is read in one pass.
#include <cstddef>
#include <string_view>
#include <vector>

#include "storyline/extract/folded_paragraph.h"

namespace storyline::extract {

// The rules that judge `paragraph` boilerplate, by name ("read_more", "paywall"), in the table's
// order: a rule holds when each of its parts has a phrase where the phrase may match, in a
// paragraph no longer than that phrase's line allows.
std::vector<std::string_view> boilerplate_phrase_rules(const FoldedParagraph& paragraph);

// Every rule's name, in the table's order.
const std::vector<std::string_view>& boilerplate_phrase_rule_names();

// The longest paragraph, in characters, that any line of the table judges.
size_t longest_paragraph_judged_by_phrases();

}  // namespace storyline::extract
