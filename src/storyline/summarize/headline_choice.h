#pragma once
// The story's headline: the member title that best says what happened. Central to the story's
// words, naming who or where, 6-16 words; questions, clickbait ("You won't believe", "This is
// why", listicles) and ALL CAPS are pushed down; a " - Site" / " | Site" suffix is cut off.
#include <string>
#include <string_view>
#include <vector>

#include "storyline/core/document.h"
#include "storyline/summarize/story_vocabulary.h"

namespace storyline::summarize {

// "Talks resume - The Hill" -> "Talks resume" (when the tail is the site's name or short).
std::string strip_site_suffix(std::string_view title, const Document& document);

// Empty when no member has a title.
std::string choose_headline(const std::vector<Document>& articles, StoryVocabulary& vocabulary);

}  // namespace storyline::summarize
