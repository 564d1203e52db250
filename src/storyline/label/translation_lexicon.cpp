#include "storyline/label/translation_lexicon.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>
#include <tuple>

#include "storyline/core/table_rows.h"
#include "storyline/label/category_model.h"  // ModelError

namespace storyline::label {
namespace {

// "language\tterm", written into `key` (a lookup reuses one buffer per thread).
const std::string& key_of(std::string_view language, std::string_view term, std::string& key) {
  key.clear();
  key.append(language).push_back('\t');
  key.append(term);
  return key;
}

}  // namespace

TranslationLexicon::TranslationLexicon(std::vector<Translation> translations) : translations_(std::move(translations)) {
  std::sort(translations_.begin(), translations_.end(), [](const Translation& a, const Translation& b) {
    return std::tie(a.language, a.term, a.english) < std::tie(b.language, b.term, b.english);
  });
  // One English term per source term: the first in order wins, so a repeated line cannot make the
  // answer depend on the file's order.
  std::vector<Translation> unique;
  std::string key;
  for (auto& translation : translations_)
    if (index_.emplace(key_of(translation.language, translation.term, key), unique.size()).second)
      unique.push_back(std::move(translation));
  translations_ = std::move(unique);
  for (size_t i = 0; i < translations_.size(); ++i) targets_.emplace(translations_[i].english, i);
}

const std::string* TranslationLexicon::english(std::string_view language, std::string_view term) const {
  if (index_.empty()) return nullptr;
  thread_local std::string key;
  const auto found = index_.find(key_of(language, term, key));
  return found == index_.end() ? nullptr : &translations_[found->second].english;
}

const std::string* TranslationLexicon::english_target(std::string_view english) const {
  const auto found = targets_.find(english);
  return found == targets_.end() ? nullptr : &translations_[found->second].english;
}

std::string TranslationLexicon::serialize() const {
  std::ostringstream out;
  out << "# storyline translation lexicon: language, term, English term, sentences seen (storyline train lexicon)\n";
  for (const Translation& t : translations_)
    out << t.language << '\t' << t.term << '\t' << t.english << '\t' << t.sentences << '\n';
  return out.str();
}

TranslationLexicon TranslationLexicon::deserialize(std::string_view text, const std::string& name) {
  std::vector<Translation> translations;
  for_each_table_row(text, [&](size_t line, const TableRow& fields) {
    if (fields.size() != 4 || fields[0].empty() || fields[1].empty() || fields[2].empty())
      throw ModelError(name + ":" + std::to_string(line) +
                       ": expected four tab-separated fields (language, term, English term, sentences); "
                       "retrain it with `storyline train lexicon`");
    unsigned sentences = 0;
    const char* end = fields[3].data() + fields[3].size();
    const auto [stop, error] = std::from_chars(fields[3].data(), end, sentences);
    if (error != std::errc() || stop != end || fields[3].empty())
      throw ModelError(name + ":" + std::to_string(line) + ": the sentence count '" + std::string(fields[3]) +
                       "' is not a number");
    translations.push_back({std::string(fields[0]), std::string(fields[1]), std::string(fields[2]), sentences});
  });
  return TranslationLexicon(std::move(translations));
}

TranslationLexicon TranslationLexicon::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ModelError(path + ": cannot read the translation lexicon; train it with `storyline train lexicon`");
  std::ostringstream text;
  text << in.rdbuf();
  return deserialize(text.str(), path);
}

void TranslationLexicon::save(const std::string& path) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << serialize();
  if (!out.flush()) throw ModelError(path + ": cannot write the translation lexicon");
}

}  // namespace storyline::label
