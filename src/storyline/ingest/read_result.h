#pragma once
// What reading one input gave: its documents, and what had to be skipped in it and why.
#include <string>
#include <vector>

#include "storyline/core/document.h"

namespace storyline::ingest {

struct ReadResult {
  std::vector<Document> documents;
  // One message per skipped part, saying where ("line 7", "item 3", "field 'title'") and what.
  std::vector<std::string> problems;
};

}  // namespace storyline::ingest
