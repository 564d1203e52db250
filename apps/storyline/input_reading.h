#pragma once
// Reading one input file for a command: its documents, and its problems already prefixed with
// the path. Shared by `extract` and `ingest` so both read and report inputs alike.
#include <string>
#include <vector>

#include "storyline/core/document.h"

namespace storyline::cli {

struct InputDocuments {
  std::vector<Document> documents;
  std::vector<std::string> errors;  // "PATH: what was wrong"
  bool rejected = false;            // the input, or a part of it, could not be read
};

// `url` is the page's URL when the input does not say it ("" when unknown).
InputDocuments read_input_documents(const std::string& path, const std::string& url = "");

}  // namespace storyline::cli
