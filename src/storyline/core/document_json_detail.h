#pragma once
// nlohmann-based conversion, for the few files that already work with nlohmann::json values
// (the JSON record reader, the HTTP layer). Everyone else uses document_json.h.
#include <nlohmann/json.hpp>

#include "storyline/core/document.h"

namespace storyline {

nlohmann::json document_to_json_value(const Document& document);
Document document_from_json_value(const nlohmann::json& value);

}  // namespace storyline
