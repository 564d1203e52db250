#include "seed_stories.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "storyline/ingest/read_documents.h"
#include "storyline/label/label_document.h"

namespace storyline::testing {

std::vector<Document> seed_story(const std::string& shared, const std::string& prefix) {
  for (const auto& entry : std::filesystem::directory_iterator(shared + "/seeds")) {
    if (!entry.path().filename().string().starts_with(prefix)) continue;
    std::ifstream file(entry.path(), std::ios::binary);
    ingest::RawInput input{entry.path().string(),
                           std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()),
                           std::nullopt};
    auto documents = ingest::read_documents(input).documents;
    for (Document& document : documents) label::label_document(document);
    return documents;
  }
  throw std::runtime_error("no seed " + prefix + " in " + shared + "/seeds");
}

}  // namespace storyline::testing
