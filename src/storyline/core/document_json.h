#pragma once
// Document <-> Document JSON (INTERFACE.md). Kept free of nlohmann headers so that every stage
// can include it cheaply.
#include <string>
#include <string_view>

#include "storyline/core/document.h"

namespace storyline {

// One line of JSON Lines, without the trailing newline. Unknown fields print as null / [].
std::string to_json_line(const Document& document);

// Parses one Document JSON object. Throws std::invalid_argument naming the bad field.
Document document_from_json(std::string_view json_text);

}  // namespace storyline
