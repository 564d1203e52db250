#pragma once
// Documents that are not news whatever they look like: placeholder text, test pages, licence
// texts, exam practice, podcast episodes, recipes. The phrases and the reason for each are data (not_news_phrases.tsv).
#include <optional>
#include <string>

#include "storyline/core/document.h"

namespace storyline::label {

// Why the document is not news (the matching line's reason), or nullopt when no phrase matches.
std::optional<std::string> not_news_reason(const Document& document);

}  // namespace storyline::label
