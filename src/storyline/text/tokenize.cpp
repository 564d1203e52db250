#include "storyline/text/tokenize.h"

#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "storyline/core/ascii.h"
#include "storyline/text/stop_words.h"

namespace storyline::text {
namespace {

// Break iterators are costly to build; each thread keeps clones of one prototype.
icu::BreakIterator* thread_word_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> created(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    return U_SUCCESS(status) ? std::move(created) : nullptr;
  }();
  return iterator.get();
}

icu::BreakIterator* thread_sentence_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    // "ss=standard" turns on CLDR's abbreviation suppressions (Mr., Dr., ...).
    std::unique_ptr<icu::BreakIterator> created(
        icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
    return U_SUCCESS(status) ? std::move(created) : nullptr;
  }();
  return iterator.get();
}

struct UTextCloser {
  void operator()(UText* text) const { utext_close(text); }
};

std::unique_ptr<UText, UTextCloser> open_utf8(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  UText* text = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  if (U_FAILURE(status)) return nullptr;
  return std::unique_ptr<UText, UTextCloser>(text);
}

// The last word of a sentence candidate, without its final period.
std::string_view last_token(std::string_view sentence) {
  sentence = trim(sentence);
  const size_t space = sentence.find_last_of(" \t\n(\"“");
  return space == std::string_view::npos ? sentence : sentence.substr(space + 1);
}

bool is_abbreviation(std::string_view token) {
  if (!token.ends_with('.')) return false;
  token.remove_suffix(1);
  // Initials and dotted acronyms: "U.S", "J", "a.m".
  if (token.size() == 1 && std::isalpha(static_cast<unsigned char>(token[0]))) return true;
  if (token.size() >= 3 && token[1] == '.') return true;
  static constexpr std::array<std::string_view, 44> kAbbreviations = {
      "Mr",  "Mrs", "Ms",  "Dr",     "Prof", "Sen",  "Rep", "Gov", "Gen", "Col", "Lt",   "Sgt",  "Capt", "Maj", "St",
      "Jr",  "Sr",  "Rev", "Hon",    "Jan",  "Feb",  "Mar", "Apr", "Aug", "Sep", "Sept", "Oct",  "Nov",  "Dec", "No",
      "Nos", "vs",  "etc", "approx", "Inc",  "Corp", "Co",  "Ltd", "Mt",  "Ft",  "Pres", "Supt", "Adm",  "Cmdr"};
  for (std::string_view abbreviation : kAbbreviations)
    if (token == abbreviation) return true;
  return false;
}

// Words that open a new sentence after an initialism such as "U.S.".
bool is_sentence_opener(std::string_view word) {
  static constexpr std::array<std::string_view, 24> kOpeners = {"The", "A",   "An",    "He",  "She", "It",   "They", "We",
                                                                "I",   "But", "And",   "In",  "On",  "This", "That", "There",
                                                                "His", "Her", "Their", "Its", "As",  "At",   "If",   "When"};
  for (std::string_view opener : kOpeners)
    if (word == opener) return true;
  return false;
}

bool continues_sentence(std::string_view previous, std::string_view next) {
  const std::string_view token = last_token(previous);
  if (!is_abbreviation(token)) return false;
  next = trim(next);
  if (next.empty()) return false;
  const unsigned char first = static_cast<unsigned char>(next.front());
  if (std::islower(first) || std::isdigit(first)) return true;
  // "U.S. officials" continues; "…in the U.S. The next day…" starts anew.
  const size_t end = next.find_first_of(" ,;:");
  return !is_sentence_opener(next.substr(0, end));
}

}  // namespace

std::vector<Word> split_words(std::string_view utf8) {
  std::vector<Word> words;
  icu::BreakIterator* iterator = thread_word_iterator();
  auto text = open_utf8(utf8);
  if (!iterator || !text) return words;
  UErrorCode status = U_ZERO_ERROR;
  iterator->setText(text.get(), status);
  if (U_FAILURE(status)) return words;
  int32_t start = iterator->first();
  for (int32_t end = iterator->next(); end != icu::BreakIterator::DONE; start = end, end = iterator->next()) {
    if (iterator->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces and punctuation
    words.push_back({utf8.substr(static_cast<size_t>(start), static_cast<size_t>(end - start)), static_cast<size_t>(start)});
  }
  return words;
}

std::vector<std::string_view> split_sentences(std::string_view utf8) {
  std::vector<std::string_view> raw;
  icu::BreakIterator* iterator = thread_sentence_iterator();
  auto text = open_utf8(utf8);
  if (!iterator || !text) return raw;
  UErrorCode status = U_ZERO_ERROR;
  iterator->setText(text.get(), status);
  if (U_FAILURE(status)) return raw;
  int32_t start = iterator->first();
  for (int32_t end = iterator->next(); end != icu::BreakIterator::DONE; start = end, end = iterator->next())
    raw.push_back(utf8.substr(static_cast<size_t>(start), static_cast<size_t>(end - start)));

  std::vector<std::string_view> sentences;
  for (std::string_view piece : raw) {
    if (!sentences.empty() && continues_sentence(sentences.back(), piece)) {
      const char* begin = sentences.back().data();
      sentences.back() = std::string_view(begin, static_cast<size_t>(piece.data() + piece.size() - begin));
    } else {
      sentences.push_back(piece);
    }
  }
  std::vector<std::string_view> trimmed;
  for (std::string_view sentence : sentences)
    if (std::string_view t = trim(sentence); !t.empty()) trimmed.push_back(t);
  return trimmed;
}

std::string fold_case(std::string_view utf8) {
  bool ascii = true;
  for (char c : utf8)
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  std::string result;
  if (ascii) {  // the common case, without a round trip through UTF-16
    result.resize(utf8.size());
    for (size_t i = 0; i < utf8.size(); ++i)
      result[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(utf8[i])));
    return result;
  }
  icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())))
      .foldCase()
      .toUTF8String(result);
  return result;
}

struct Analyzer::Stemmer {
  sb_stemmer* stemmer = nullptr;
  ~Stemmer() {
    if (stemmer) sb_stemmer_delete(stemmer);
  }
};

Analyzer::Analyzer(std::string_view language) : language_(language), stemmer_(std::make_unique<Stemmer>()) {
  if (!language_.empty()) stemmer_->stemmer = sb_stemmer_new(language_.c_str(), "UTF_8");
}

Analyzer::~Analyzer() = default;

std::string Analyzer::stem(std::string_view folded_word) {
  if (!stemmer_->stemmer) return std::string(folded_word);
  const sb_symbol* stemmed = sb_stemmer_stem(stemmer_->stemmer, reinterpret_cast<const sb_symbol*>(folded_word.data()),
                                             static_cast<int>(folded_word.size()));
  if (!stemmed) return std::string(folded_word);
  return std::string(reinterpret_cast<const char*>(stemmed), static_cast<size_t>(sb_stemmer_length(stemmer_->stemmer)));
}

bool Analyzer::has_stemmer() const { return stemmer_->stemmer != nullptr; }

bool Analyzer::is_stop_word(std::string_view folded_word) const { return text::is_stop_word(language_, folded_word); }

std::vector<std::string> Analyzer::terms(std::string_view utf8) {
  std::vector<std::string> result;
  for (const Word& word : split_words(utf8)) {
    std::string folded = fold_case(word.text);
    if (is_stop_word(folded)) continue;
    result.push_back(stem(folded));
  }
  return result;
}

Analyzer& thread_analyzer(std::string_view language) {
  // A language name from the input can be anything; only a few analyzers are kept per thread.
  constexpr size_t kMaxAnalyzersPerThread = 32;
  thread_local std::map<std::string, std::unique_ptr<Analyzer>, std::less<>> analyzers;
  const bool plausible = language.size() >= 2 && language.size() <= 3 &&
                         std::all_of(language.begin(), language.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (!plausible) language = {};
  auto found = analyzers.find(language);
  if (found != analyzers.end()) return *found->second;
  if (analyzers.size() >= kMaxAnalyzersPerThread) analyzers.clear();
  auto inserted = analyzers.emplace(std::string(language), std::make_unique<Analyzer>(language));
  return *inserted.first->second;
}

}  // namespace storyline::text
