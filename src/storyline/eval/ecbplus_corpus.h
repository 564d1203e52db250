#pragma once
// ECB+ (../shared/data/clustering/ecbplus/ecbplus_docs.jsonl) as documents with gold labels:
// the subtopic is the story (one real-world event), the topic the storyline.
#include <string>
#include <vector>

#include "storyline/core/document.h"

namespace storyline::cluster {

struct LabeledDocument {
  Document document;
  std::string story;      // gold subtopic
  std::string storyline;  // gold topic
};

// Each text is one sentence per line; the ECB+ half starts with the page's URL (tokenised
// with spaces: "http: / / www. x. com / ..."). The URL line becomes `url`, the first other
// line `title`, the rest `text`. Dates are left out: only one half has them, which would
// tell the two events of a topic apart by the dataset's construction rather than by content.
// Throws std::runtime_error naming the file and line when it cannot be read.
std::vector<LabeledDocument> read_ecbplus(const std::string& jsonl_path);

}  // namespace storyline::cluster
