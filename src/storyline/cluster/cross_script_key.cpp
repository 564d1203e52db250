#include "storyline/cluster/cross_script_key.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <memory>

#include "storyline/text/tokenize.h"
#include "storyline/text/utf8.h"

namespace storyline::cluster {
namespace {

// One transliterator per thread: building one parses ICU's rules (milliseconds), and an ICU
// transliterator is not safe to share between threads.
icu::Transliterator* to_ascii_latin() {
  thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(made) : nullptr;
  }();
  return transliterator.get();
}

// Sound classes, a-z, in the manner of Soundex (R. C. Russell, 1918) but finer: Soundex's six
// classes give about 1,500 keys of four, so unrelated names met by chance. Letters that
// transliterations of one name swap share a class (b/p, f/v/w, c/g/k/q/x, s/z, d/t); '0' is
// dropped: vowels, and h, j, y, which transliterations spell differently ("Йованович" is
// "Jovanovic" in ICU's transliteration and "Yovanovitch" in English).
constexpr std::array<char, 26> kSoundClass = {'0', '1', '3', '5', '0', '2', '3', '0', '0', '0', '3', '6', '7',   // a-m
                                              '8', '0', '1', '3', '9', '4', '5', '0', '2', '2', '3', '0', '4'};  // n-z

// Spellings of one sound that differ between English and ICU's transliterations ("Yovanovitch"
// and "Jovanovic", "Tsivilev" and "Civilev", "Philippines" and "Filippiny"), rewritten alike
// before the classes; the longest match at each position wins (they are listed longest first).
struct Rewrite {
  std::string_view from, to;
};
constexpr std::array<Rewrite, 8> kRewrites = {
    {{"tsch", "c"}, {"tch", "c"}, {"sch", "s"}, {"ch", "c"}, {"ph", "f"}, {"ts", "c"}, {"tz", "c"}, {"ck", "k"}}};

// c is an s before e, i and y ("Venice" and "Venezia"), a k elsewhere ("Macron" and "Makron").
char sound_class(std::string_view letters, size_t i) {
  const char c = letters[i];
  if (c == 'c' && i + 1 < letters.size() && (letters[i + 1] == 'e' || letters[i + 1] == 'i' || letters[i + 1] == 'y'))
    return '4';
  return kSoundClass[static_cast<size_t>(c - 'a')];
}

constexpr size_t kKeyDigits = 8;
// Two-digit skeletons ("Iran", "Sun", "Rome") are shared by too many unrelated words.
constexpr size_t kMinKeyDigits = 3;

}  // namespace

std::optional<std::string> cross_script_key(std::string_view name_word) {
  std::string ascii;
  const bool is_ascii = std::all_of(name_word.begin(), name_word.end(), [](char c) { return (c & 0x80) == 0; });
  if (is_ascii) {  // most names: no transliteration needed, and ICU's costs microseconds
    ascii = text::fold_case(name_word);
  } else {
    icu::Transliterator* transliterator = to_ascii_latin();
    if (!transliterator) return std::nullopt;
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(name_word.data(), static_cast<int32_t>(name_word.size())));
    transliterator->transliterate(text);
    text.toUTF8String(ascii);
  }
  std::string letters;
  for (char c : ascii)
    if (c >= 'a' && c <= 'z') letters.push_back(c);  // not apostrophes, soft signs' primes, digits
  std::string rewritten;
  for (size_t i = 0; i < letters.size();) {
    const Rewrite* match = nullptr;
    for (const Rewrite& rewrite : kRewrites)
      if (std::string_view(letters).substr(i).starts_with(rewrite.from)) {
        match = &rewrite;
        break;
      }
    if (match) {
      rewritten += match->to;
      i += match->from.size();
    } else {
      rewritten.push_back(letters[i++]);
    }
  }
  std::string key;
  for (size_t i = 0; i < rewritten.size(); ++i) {
    const char digit = sound_class(rewritten, i);
    if (digit == '0' || (!key.empty() && key.back() == digit)) continue;
    key.push_back(digit);
    if (key.size() == kKeyDigits) break;
  }
  if (key.size() < kMinKeyDigits) return std::nullopt;
  return key;
}

std::optional<std::string> number_key(std::string_view word) {
  std::string digits;
  size_t position = 0;
  while (position < word.size()) {
    const char32_t c = text::next_code_point(word, position);
    const int32_t value = u_charDigitValue(static_cast<UChar32>(c));
    if (value >= 0 && value <= 9) {
      digits.push_back(static_cast<char>('0' + value));
    } else if (c != ',' && c != '.' && c != '\'' && c != 0x202F && c != 0x00A0 && c != 0x066C && c != 0x066B) {
      return std::nullopt;  // a word with letters: "G7", "3D", "1990s"
    }
  }
  // Below 100 (days of the month, ages, scores, counts) and "03"-style parts of dates and times,
  // numbers are everywhere.
  if (digits.size() < 3 || digits[0] == '0') return std::nullopt;
  return digits;
}

size_t distinct_names(std::vector<std::string_view>& keys) {
  std::sort(keys.begin(), keys.end());
  size_t names = 0;
  // Sorted, a key's longer forms follow it at once.
  for (size_t k = 0; k < keys.size(); ++k) names += k + 1 == keys.size() || !keys[k + 1].starts_with(keys[k]);
  return names;
}

}  // namespace storyline::cluster
