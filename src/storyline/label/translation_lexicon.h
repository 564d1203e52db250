#pragma once
// Word translations into English, so that the category model's English knowledge (most of its
// labelled data) also reads languages it has few labelled texts in: a German document that says
// "Regierung" also gets the feature of English "govern". Terms on both sides are text::Analyzer
// terms (folded, stemmed), the same the category features hash.
//
// The shipped lexicon (models/lexicon.tsv) is learned by `storyline train lexicon` from sentences
// translated into many languages (SIB-200's FLORES sentences); it is text, one pair a line, so a
// reader can check what it says:
//   # comment
//   language <TAB> term <TAB> english term <TAB> sentences the term was seen in
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storyline/core/string_map.h"

namespace storyline::label {

struct Translation {
  std::string language;  // ISO 639-1 of `term`
  std::string term;
  std::string english;
  unsigned sentences = 0;  // how much evidence the pair rests on
};

class TranslationLexicon {
 public:
  TranslationLexicon() = default;
  explicit TranslationLexicon(std::vector<Translation> translations);

  // The English term for `term` of `language`, or nullptr.
  const std::string* english(std::string_view language, std::string_view term) const;
  // The lexicon's own copy of `english` when some term translates to it, else nullptr.
  const std::string* english_target(std::string_view english) const;
  size_t size() const { return translations_.size(); }
  const std::vector<Translation>& translations() const { return translations_; }

  // The file format above, pairs sorted by language then term (the same lexicon, the same bytes).
  std::string serialize() const;
  // `name` appears in error messages (a file path). Throws ModelError naming the bad line.
  static TranslationLexicon deserialize(std::string_view text, const std::string& name);
  static TranslationLexicon load(const std::string& path);  // throws ModelError
  void save(const std::string& path) const;                 // throws ModelError when it cannot write

 private:
  std::vector<Translation> translations_;
  std::unordered_map<std::string, size_t> index_;  // "language\tterm" -> translations_[i]
  // English term -> its first translations_[i]
  StringMap<size_t> targets_;
};

}  // namespace storyline::label
