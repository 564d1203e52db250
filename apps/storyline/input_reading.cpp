#include "input_reading.h"

#include "storyline/core/input_files.h"
#include "storyline/ingest/read_documents.h"

namespace storyline::cli {

InputDocuments read_input_documents(const std::string& path, const std::string& url) {
  InputDocuments output;
  try {
    ingest::RawInput input{path, read_file_bytes(path), std::nullopt};
    if (!url.empty()) input.url = url;
    ingest::ReadResult result = ingest::read_documents(input);
    output.documents = std::move(result.documents);
    for (const auto& problem : result.problems) output.errors.push_back(path + ": " + problem);
    output.rejected = !result.problems.empty();
  } catch (const std::exception& error) {
    output.errors.push_back(path + ": " + error.what());
    output.rejected = true;
  }
  return output;
}

}  // namespace storyline::cli
