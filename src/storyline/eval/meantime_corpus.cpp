#include "storyline/eval/meantime_corpus.h"

#include <charconv>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

#include "storyline/extract/date_parse.h"
#include "storyline/ingest/decompress.h"

namespace storyline::eval {
namespace {

// Tokens joined back into running text: no space before closing punctuation or after an opening
// bracket, so that the tokenizer and the name finder see sentences as a page would show them.
void append_token(std::string& sentence, std::string_view token) {
  static constexpr std::string_view kNoSpaceBefore = ",.;:!?)]%'";
  const bool glue = sentence.empty() || kNoSpaceBefore.find(token.front()) != std::string_view::npos ||
                    token == "'s" || sentence.back() == '(' || sentence.back() == '[' || sentence.back() == '$';
  if (!glue) sentence += ' ';
  sentence += token;
}

// "13-Jun-05" (the Dutch datelines) as "13 Jun 2005", which parse_date_to_iso reads.
std::string dateline_for_parsing(const std::string& dateline) {
  if (dateline.size() == 9 && dateline[2] == '-' && dateline[6] == '-')
    return dateline.substr(0, 2) + " " + dateline.substr(3, 3) + " 20" + dateline.substr(7, 2);
  return dateline;
}

struct Article {
  std::string id;
  std::vector<std::string> sentences;
};

cluster::LabeledDocument to_document(const Article& article, const std::string& language, const std::string& path) {
  cluster::LabeledDocument labeled;
  labeled.document.id = language + ":" + article.id;
  labeled.document.source = path;
  labeled.document.language = language;
  labeled.story = article.id;
  const size_t slash = article.id.find('/');
  labeled.storyline = article.id.substr(0, slash);
  if (!article.sentences.empty()) labeled.document.title = article.sentences[0];
  if (article.sentences.size() > 1)
    labeled.document.published =
        extract::parse_date_to_iso(dateline_for_parsing(article.sentences[1]), extract::SlashDateOrder::kMonthFirst);
  std::string text;
  for (size_t i = 2; i < article.sentences.size(); ++i) {
    if (!text.empty()) text += ' ';
    text += article.sentences[i];
  }
  labeled.document.text = text;
  return labeled;
}

}  // namespace

std::vector<cluster::LabeledDocument> read_meantime(const std::string& folder, const std::string& language) {
  const std::string path = folder + "/" + language + "/meantime.conll.gz";
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error(path + ": cannot open");
  const std::string compressed((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  std::istringstream lines(ingest::gunzip(compressed));
  std::vector<cluster::LabeledDocument> documents;
  Article article;
  std::string sentence, line;
  size_t sentence_number = 0;
  for (size_t number = 1; std::getline(lines, line); ++number) {
    if (line.starts_with("#begin document")) {
      const size_t open = line.find('('), close = line.find(')');
      if (open == std::string::npos || close == std::string::npos || close < open)
        throw std::runtime_error(path + ":" + std::to_string(number) + ": a #begin line without (document id)");
      article = {line.substr(open + 1, close - open - 1), {}};
      sentence.clear();
      continue;
    }
    if (line.starts_with("#end document")) {
      if (!sentence.empty()) article.sentences.push_back(std::exchange(sentence, {}));
      documents.push_back(to_document(article, language, path));
      continue;
    }
    if (line.empty()) {
      if (!sentence.empty()) article.sentences.push_back(std::exchange(sentence, {}));
      continue;
    }
    // document id, sentence, token number, token, coreference
    std::vector<std::string_view> columns;
    size_t start = 0;
    while (columns.size() < 5) {
      const size_t tab = line.find('\t', start);
      columns.emplace_back(line.data() + start, (tab == std::string::npos ? line.size() : tab) - start);
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (columns.size() < 4 || columns[3].empty())
      throw std::runtime_error(path + ":" + std::to_string(number) + ": expected 5 tab-separated columns");
    size_t this_sentence = 0;
    const auto parsed = std::from_chars(columns[1].data(), columns[1].data() + columns[1].size(), this_sentence);
    if (parsed.ec != std::errc{})
      throw std::runtime_error(path + ":" + std::to_string(number) + ": the sentence number is not a number");
    if (this_sentence != sentence_number && !sentence.empty())
      article.sentences.push_back(std::exchange(sentence, {}));
    sentence_number = this_sentence;
    append_token(sentence, columns[3]);
  }
  return documents;
}

}  // namespace storyline::eval
