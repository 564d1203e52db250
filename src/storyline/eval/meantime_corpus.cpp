#include "storyline/eval/meantime_corpus.h"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <stdexcept>

#include "storyline/core/decompress.h"
#include "storyline/extract/date_parse.h"

namespace storyline::eval {
namespace {

bool attaches_left(const std::string& token) {
  static const char* const kLeft[] = {",",  ".", ";",   ":",   "!",   "?",   ")",  "%",
                                      "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m"};
  for (const char* left : kLeft)
    if (token == left) return true;
  return false;
}

// "13-Jun-05" (the Dutch datelines) as "13 Jun 2005", which parse_date_to_iso reads.
std::string dateline_for_parsing(const std::string& dateline) {
  if (dateline.size() == 9 && dateline[2] == '-' && dateline[6] == '-')
    return dateline.substr(0, 2) + " " + dateline.substr(3, 3) + " 20" + dateline.substr(7, 2);
  return dateline;
}

// The type in a chain id: the three letters after its last '_' ("cross_intra_ORG3715..." -> ORG).
std::string chain_type(const std::string& chain) {
  const size_t underscore = chain.rfind('_');
  const std::string rest = underscore == std::string::npos ? chain : chain.substr(underscore + 1);
  return rest.substr(0, std::min<size_t>(3, rest.size()));
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
  std::istringstream lines(is_gzip(bytes) ? gunzip(bytes) : bytes);

  std::vector<MeantimeArticle> articles;
  std::map<int, std::vector<std::string>> sentences;         // of the article being read
  std::map<std::string, std::vector<size_t>> open_mentions;  // chain -> first tokens of its open mentions
  int open_sentence = -1;
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
    open_mentions.clear();
  };
  std::string line;
  size_t number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (line.empty() || line.starts_with("#")) continue;
    std::vector<std::string> fields;
    std::istringstream columns(line);
    for (std::string field; std::getline(columns, field, '\t');) fields.push_back(field);
    if (fields.size() < 4)
      throw std::runtime_error(conll_gz_path + ":" + std::to_string(number) +
                               ": expected at least 4 tab-separated columns (document, sentence, token number, token)");
    if (articles.empty() || articles.back().id != fields[0]) {
      finish();
      articles.push_back({fields[0], "", "", "", {}});
    }
    int sentence = 0;
    const auto parsed = std::from_chars(fields[1].data(), fields[1].data() + fields[1].size(), sentence);
    if (parsed.ec != std::errc{})
      throw std::runtime_error(conll_gz_path + ":" + std::to_string(number) + ": the sentence number is not a number");
    if (sentence != open_sentence) open_mentions.clear();  // a mention never spans sentences
    open_sentence = sentence;
    std::vector<std::string>& tokens = sentences[sentence];
    tokens.push_back(fields[3]);
    if (fields.size() < 5 || fields[4] == "-") continue;
    // "(ID", "ID)" or "(ID)", several joined by '|' (a space may follow it).
    const size_t here = tokens.size() - 1;
    std::istringstream parts(fields[4]);
    for (std::string part; std::getline(parts, part, '|');) {
      while (!part.empty() && part.front() == ' ') part.erase(part.begin());
      while (!part.empty() && part.back() == ' ') part.pop_back();
      const bool opens = part.starts_with('('), closes = part.ends_with(')');
      const std::string chain = part.substr(opens ? 1 : 0, part.size() - (opens ? 1 : 0) - (closes ? 1 : 0));
      if (chain.empty()) continue;
      size_t first = here;
      if (opens && !closes) {
        open_mentions[chain].push_back(here);
        continue;
      }
      if (!opens) {  // closes a mention opened earlier in this sentence
        auto found = open_mentions.find(chain);
        if (found == open_mentions.end() || found->second.empty() || found->second.back() > here) continue;
        first = found->second.back();
        found->second.pop_back();
      }
      const std::vector<std::string> span(tokens.begin() + static_cast<std::ptrdiff_t>(first), tokens.end());
      articles.back().mentions.push_back({chain, chain_type(chain), join_tokens(span), sentence});
    }
  }
  finish();
  return articles;
}

std::vector<cluster::LabeledDocument> read_meantime_documents(const std::string& folder, const std::string& language) {
  const std::string path = folder + "/" + language + "/meantime.conll.gz";
  std::vector<cluster::LabeledDocument> documents;
  for (const MeantimeArticle& article : read_meantime(path)) {
    cluster::LabeledDocument labeled;
    labeled.document.id = language + ":" + article.id;
    labeled.document.source = path;
    labeled.document.language = language;
    labeled.document.title = article.title;
    labeled.document.text = article.body;
    labeled.document.published = extract::parse_date_to_iso(dateline_for_parsing(article.dateline));
    labeled.story = article.id;
    labeled.storyline = article.id.substr(0, article.id.find('/'));
    documents.push_back(std::move(labeled));
  }
  return documents;
}

}  // namespace storyline::eval
