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
#include <cstdint>
#include <string>
#include <string_view>
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
  explicit TranslationLexicon(const std::vector<Translation>& translations);

  // Which pairs a loaded lexicon keeps: all, or only those sentences taught (`sentences` > 0). The
  // clusterer takes the latter: matching one event across languages, the dictionaries' extra words
  // made the contest's hand-read stories worse (across languages BCubed F1 0.783 -> 0.774, pairs
  // 0.700 -> 0.684), while the categories gain from them.
  enum class Evidence { kAny, kSentences };

  // The English term for `term` of `language`, or nullptr.
  const std::string* english(std::string_view language, std::string_view term) const;
  // The term of the kindred language (kindred_spelling.h) that `term` of `language` is a spelling
  // of, with its English term, when the lexicon lists it ("выбор" for Ukrainian "виборів"). The category
  // features read it (as a Russian word and its English term); the clusterer does not: matching
  // Ukrainian and Russian reports by these words made the contest stream's impeachment hearings
  // one story of 43 pages with the Stone verdict and a Louisiana rally (28 without).
  struct KindredTerm {
    std::string_view term;                 // empty when none
    const std::string* english = nullptr;  // its English term
  };
  KindredTerm kindred_term(std::string_view language, std::string_view term) const;
  // The lexicon's own copy of `english` when some term translates to it, else nullptr.
  const std::string* english_target(std::string_view english) const;
  size_t size() const { return rows_.size(); }
  // Every pair, sorted by language then term (made on demand: the lexicon keeps a compact form).
  std::vector<Translation> translations() const;

  // The file format above, pairs sorted by language then term (the same lexicon, the same bytes).
  std::string serialize() const;
  // `name` appears in error messages (a file path). Throws ModelError naming the bad line.
  // With Evidence::kSentences, only the pairs sentences taught are kept (a twentieth of the
  // shipped file, for the clusterer, which reads no other).
  static TranslationLexicon deserialize(std::string_view text, const std::string& name, Evidence evidence = Evidence::kAny);
  static TranslationLexicon load(const std::string& path, Evidence evidence = Evidence::kAny);  // throws ModelError
  void save(const std::string& path) const;  // throws ModelError when it cannot write

 private:
  struct PairView {
    std::string_view language, term, english;
    unsigned sentences;
  };
  void build(std::vector<PairView> pairs);
  void build_kindred_index();
  std::string_view key_of(size_t row) const { return {keys_.data() + rows_[row].key_offset, rows_[row].key_size}; }

  // Compact because the dictionaries make it some 200,000 pairs: as a vector of strings and a hash
  // map of string keys it took 60 MB and a quarter of a second to load in every process that
  // categorizes; as one buffer of keys and an open-addressed table of row numbers, about 12 MB.
  struct Row {
    uint32_t key_offset;  // "language\tterm" in keys_
    uint32_t key_size;
    uint32_t english;  // in english_
    uint32_t sentences;
  };
  std::string keys_;
  std::vector<Row> rows_;             // sorted by language, then term
  std::vector<std::string> english_;  // distinct English terms, sorted
  StringMap<uint32_t> english_index_;
  std::vector<uint32_t> slots_;  // row + 1 by the key's hash (linear probing), 0 when free
  // "language\tskeleton" of the stems of languages others are read through -> row (kindred()).
  StringMap<uint32_t> kindred_index_;
  uint64_t serial_ = 0;  // distinct for every built lexicon (kindred_term's per-thread memory)

  const Row* listed(std::string_view language, std::string_view term) const;
  const Row* kindred(std::string_view language, std::string_view term) const;
};

}  // namespace storyline::label
