#pragma once
// Word and sentence segmentation (ICU break iterators, so every script works, including those
// without spaces), case folding, and index terms: folded, stop words out, Snowball-stemmed.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::text {

struct Word {
  std::string_view text;  // as written, a view into the analysed string
  size_t offset = 0;      // byte offset in that string
};

// Words (letters or digits) in order; punctuation and spaces are dropped.
std::vector<Word> split_words(std::string_view utf8);

// Sentences, trimmed. Abbreviations do not end a sentence: "U.S. officials", "Oct. 9",
// "Mr. Blinken", "Sen. Smith".
std::vector<std::string_view> split_sentences(std::string_view utf8);

// Unicode full case folding (ICU): "Straße" -> "strasse", "TÜRKIYE" -> "türkiye".
std::string fold_case(std::string_view utf8);

// Turns text into index terms for one language: split_words, fold_case, stop words removed,
// Snowball stem. Unknown languages get folding without stemming. Not thread-safe (the Snowball
// stemmer keeps state): one Analyzer per thread.
class Analyzer {
 public:
  explicit Analyzer(std::string_view language);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  std::vector<std::string> terms(std::string_view utf8);
  std::string stem(std::string_view folded_word);
  bool is_stop_word(std::string_view folded_word) const;
  // False for languages Snowball has no stemmer for: stem() returns the word unchanged.
  bool has_stemmer() const;
  const std::string& language() const { return language_; }

 private:
  struct Stemmer;
  std::string language_;
  std::unique_ptr<Stemmer> stemmer_;
};

// This thread's Analyzer for `language`, made on first use and kept (a few dozen at most per
// thread; a language name that is no ISO 639 code gets the no-language one).
Analyzer& thread_analyzer(std::string_view language);

}  // namespace storyline::text
