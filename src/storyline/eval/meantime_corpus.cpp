#include "storyline/eval/meantime_corpus.h"

#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <stdexcept>

#include "storyline/ingest/decompress.h"

namespace storyline::eval {
namespace {

bool attaches_left(const std::string& token) {
  static const char* const kLeft[] = {",", ".", ";", ":", "!", "?", ")", "%", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m"};
  for (const char* left : kLeft)
    if (token == left) return true;
  return false;
}

}  // namespace

std::string join_tokens(const std::vector<std::string>& tokens) {
  std::string text;
  bool glue_next = true;
  for (const std::string& token : tokens) {
    if (!glue_next && !attaches_left(token)) text += ' ';
    text += token;
    glue_next = token == "(" || token == "$";
  }
  return text;
}

std::vector<MeantimeArticle> read_meantime(const std::string& conll_gz_path) {
  std::ifstream file(conll_gz_path, std::ios::binary);
  if (!file) throw std::runtime_error(conll_gz_path + ": cannot be read");
  const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  std::istringstream lines(ingest::is_gzip(bytes) ? ingest::gunzip(bytes) : bytes);

  std::vector<MeantimeArticle> articles;
  std::map<int, std::vector<std::string>> sentences;  // of the article being read
  auto finish = [&] {
    if (articles.empty() || sentences.empty()) return;
    MeantimeArticle& article = articles.back();
    std::vector<std::string> body;
    for (const auto& [number, tokens] : sentences) {
      if (number == 0) article.title = join_tokens(tokens);
      else if (number == 1) article.dateline = join_tokens(tokens);
      else body.push_back(join_tokens(tokens));
    }
    for (const std::string& sentence : body) article.body += (article.body.empty() ? "" : " ") + sentence;
    sentences.clear();
  };
  std::string line;
  size_t number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (line.empty() || line.starts_with("#")) continue;
    std::vector<std::string> fields;
    std::istringstream columns(line);
    for (std::string field; std::getline(columns, field, '\t');) fields.push_back(field);
    if (fields.size() < 4) throw std::runtime_error(conll_gz_path + ":" + std::to_string(number) + ": expected 5 tab-separated columns");
    if (articles.empty() || articles.back().id != fields[0]) {
      finish();
      articles.push_back({fields[0], "", "", ""});
    }
    sentences[std::stoi(fields[1])].push_back(fields[3]);
  }
  finish();
  return articles;
}

}  // namespace storyline::eval
