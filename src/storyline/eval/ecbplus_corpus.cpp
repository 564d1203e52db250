#include "storyline/eval/ecbplus_corpus.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>

namespace storyline::cluster {
namespace {

std::string without_spaces(std::string_view text) {
  std::string result;
  for (char c : text)
    if (c != ' ') result += c;
  return result;
}

}  // namespace

std::vector<LabeledDocument> read_ecbplus(const std::string& jsonl_path) {
  std::ifstream in(jsonl_path);
  if (!in) throw std::runtime_error(jsonl_path + ": cannot open");
  std::vector<LabeledDocument> documents;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    try {
      const nlohmann::json value = nlohmann::json::parse(line);
      LabeledDocument labeled;
      labeled.document.id = value.at("doc_id").get<std::string>();
      labeled.document.source = jsonl_path;
      labeled.document.language = "en";
      labeled.story = value.at("subtopic").get<std::string>();
      labeled.storyline = std::to_string(value.at("topic").get<int>());
      const std::string text = value.at("text").get<std::string>();
      std::string body;
      size_t start = 0;
      while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string_view sentence(text.data() + start, end - start);
        if (!labeled.document.url && sentence.starts_with("http")) {
          labeled.document.url = without_spaces(sentence);
        } else if (!labeled.document.title && !sentence.empty()) {
          labeled.document.title = std::string(sentence);
        } else if (!sentence.empty()) {
          body.append(sentence);
          body += '\n';
        }
        start = end + 1;
      }
      labeled.document.text = body;
      documents.push_back(std::move(labeled));
    } catch (const std::exception& error) {
      throw std::runtime_error(jsonl_path + ":" + std::to_string(number) + ": " + error.what());
    }
  }
  return documents;
}

}  // namespace storyline::cluster
