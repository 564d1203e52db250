#pragma once
// The words in and around a capitalised run that tell the entity recognizer what it names: titles
// ("Minister" marks a person), organisation suffixes ("Ministry"), the words before people and
// places, sentence openers that name nothing, connectors inside names ("bin", "al") and suffixes
// that make a name an adjective ("US-led"). Closed classes of English news, hand-listed: no
// offline resource lists them. `word` as written (case matters) unless said otherwise.
#include <string_view>

namespace storyline::label {

bool is_title_word(std::string_view word);               // "President", "Minister", "Executive"
bool is_title_filler(std::string_view word);             // inside a title: "of", "State", "Affairs"
bool is_organization_suffix(std::string_view word);      // "Ministry", "Party", "Bank"
bool is_person_context_before(std::string_view word);    // lower case: "spokesman", "leader"
bool is_speech_verb(std::string_view word);              // lower case: "said", "told"
bool is_location_context_before(std::string_view word);  // lower case: "in", "near", "capital"
bool is_common_capitalized(std::string_view word);       // "However", "Monday", "Subscribe"
bool is_name_connector(std::string_view word);           // "of", "al", "bin", "von"
bool is_hyphen_suffix(std::string_view word);            // lower case, after a hyphen: "led", "based"

}  // namespace storyline::label
