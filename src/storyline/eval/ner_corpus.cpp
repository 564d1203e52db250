#include "storyline/eval/ner_corpus.h"

#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

#include "storyline/core/decompress.h"

namespace storyline::eval {
namespace {

std::string read_text(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error(path + ": cannot be read");
  const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  return is_gzip(bytes) ? gunzip(bytes) : bytes;
}

std::vector<std::string> fields_of(const std::string& line, char separator) {
  std::vector<std::string> fields;
  std::istringstream columns(line);
  for (std::string field; std::getline(columns, field, separator);) fields.push_back(field);
  return fields;
}

}  // namespace

std::string interface_entity_type(const std::string& label) {
  if (label == "PER") return "person";
  if (label == "ORG") return "organization";
  if (label == "LOC") return "location";
  if (label == "MISC" || label == "OTH") return "other";
  return "";
}

std::vector<NerSentence> read_conll2003_sentences(const std::string& path) {
  std::istringstream lines(read_text(path));
  std::vector<NerSentence> sentences;
  NerSentence sentence;
  size_t document = 0, number = 0;
  auto end_sentence = [&] {
    if (!sentence.tokens.empty()) sentences.push_back(std::move(sentence));
    sentence = NerSentence{document, {}, {}};
  };
  for (std::string line; std::getline(lines, line);) {
    ++number;
    if (line.empty()) {
      end_sentence();
    } else if (line.starts_with("-DOCSTART-")) {
      ++document;
      end_sentence();
    } else {
      const auto fields = fields_of(line, ' ');
      if (fields.size() < 4)
        throw std::runtime_error(path + ":" + std::to_string(number) +
                                 ": expected 4 space-separated columns (token, POS, chunk, NE tag)");
      sentence.tokens.push_back(fields[0]);
      sentence.tags.push_back(fields[3]);
    }
  }
  end_sentence();
  return sentences;
}

std::vector<NerSentence> read_germeval_sentences(const std::string& path) {
  std::istringstream lines(read_text(path));
  std::vector<NerSentence> sentences;
  NerSentence sentence;
  size_t number = 0;
  auto end_sentence = [&] {
    if (!sentence.tokens.empty()) {
      sentence.document = sentences.size();
      sentences.push_back(std::move(sentence));
    }
    sentence = NerSentence{};
  };
  for (std::string line; std::getline(lines, line);) {
    ++number;
    if (line.empty()) {
      end_sentence();
    } else if (!line.starts_with("#")) {
      const auto fields = fields_of(line, '\t');
      if (fields.size() < 3)
        throw std::runtime_error(path + ":" + std::to_string(number) +
                                 ": expected tab-separated columns (index, token, outer tag, inner tag)");
      sentence.tokens.push_back(fields[1]);
      sentence.tags.push_back(fields[2]);
    }
  }
  end_sentence();
  return sentences;
}

}  // namespace storyline::eval
