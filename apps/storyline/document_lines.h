#pragma once
// Reads Document JSON Lines (as `storyline extract` prints them) from a file or standard input,
// one document at a time, so memory does not grow with the input. A bad line is reported with
// its number and skipped; the rest are still read.
#include <functional>
#include <string>

#include "storyline/core/document.h"

namespace storyline::cli {

struct DocumentLinesSummary {
  size_t documents = 0;
  size_t rejected = 0;      // lines that were not a document
  bool unreadable = false;  // the file itself could not be opened
};

// `path` "-" or empty means standard input. Problems go to stderr as "storyline COMMAND: PATH:
// line N: what".
DocumentLinesSummary for_each_document_line(const std::string& command, const std::string& path,
                                            const std::function<void(Document&&)>& visit);

}  // namespace storyline::cli
