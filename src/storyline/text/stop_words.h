#pragma once
// Stop words per language (ISO 639-1): the function words that say nothing of a subject.
#include <string_view>

namespace storyline::text {

// `folded_word` must already be case-folded. Unknown languages have no stop words.
bool is_stop_word(std::string_view language, std::string_view folded_word);

}  // namespace storyline::text
