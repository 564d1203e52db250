#include "storyline/label/category_features.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include "storyline/core/hash.h"
#include "storyline/label/section_category.h"
#include "storyline/label/translation_lexicon.h"
#include "storyline/text/tokenize.h"

namespace storyline::label {
namespace {

// Title words say more about the category than any one body word.
constexpr float kTitleWeight = 2.0f;
constexpr float kBodyWeight = 1.0f;
// Separate hash seeds keep unigram and bigram features apart.
constexpr uint64_t kUnigramSeed = 0x9e3779b97f4a7c15ULL;
constexpr uint64_t kBigramSeed = 0xc2b2ae3d27d4eb4fULL;
constexpr uint64_t kSectionSeed = 0x165667b19e3779f9ULL;
// Digits vary without changing the subject ("2004", "1987"): every digit becomes 0.
void normalize_digits(std::string& term) {
  for (char& c : term)
    if (c >= '1' && c <= '9') c = '0';
}

// Keeps a prefix of at most `limit` bytes without cutting a UTF-8 sequence in half.
std::string_view utf8_prefix(std::string_view text, size_t limit) {
  if (text.size() <= limit) return text;
  size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

uint32_t bucket_of(uint64_t hash, uint32_t bucket_bits) {
  // Final mix (from splitmix64) so that the high bits depend on every input byte.
  hash ^= hash >> 30;
  hash *= 0xbf58476d1ce4e5b9ULL;
  hash ^= hash >> 27;
  hash *= 0x94d049bb133111ebULL;
  hash ^= hash >> 31;
  return static_cast<uint32_t>(hash >> (64 - bucket_bits));
}

// A translated word also counts as its English word, whose weights were learned from far more
// text than any other language's. Half as much as the word itself: every text of another language
// also moves the English weights it translates to, and at full weight that moved English
// decisions (seed 000, a one-sentence excerpt, went from society to entertainment); at half, held
// out, lenta.ru rose more (macro-F1 0.561 -> 0.675; 0.649 at full weight and no cap on general words).
constexpr float kTranslationWeight = 0.5f;

void add_terms(std::string_view part, float weight, text::Analyzer& analyzer, const TranslationLexicon* lexicon,
               uint32_t bucket_bits, std::unordered_map<uint32_t, float>& counts) {
  std::vector<std::string> terms = analyzer.terms(part);
  for (std::string& term : terms) normalize_digits(term);
  const bool translate = lexicon && lexicon->size() > 0 && analyzer.language() != "en";
  for (size_t i = 0; i < terms.size(); ++i) {
    counts[bucket_of(fnv1a64(terms[i], kUnigramSeed), bucket_bits)] += weight;
    if (translate) {
      const std::string* english = lexicon->english(analyzer.language(), terms[i]);
      // A word of a language read through a kindred one (Ukrainian through Russian) is also that
      // language's word, and has its English term: the model learned Russian from far more text.
      if (!english)
        if (const auto kindred = lexicon->kindred_term(analyzer.language(), terms[i]); !kindred.term.empty()) {
          counts[bucket_of(fnv1a64(kindred.term, kUnigramSeed), bucket_bits)] += weight;
          english = kindred.english;
        }
      if (english) counts[bucket_of(fnv1a64(*english, kUnigramSeed), bucket_bits)] += weight * kTranslationWeight;
    }
    if (i + 1 < terms.size()) {
      const uint64_t first = fnv1a64(terms[i], kBigramSeed);
      counts[bucket_of(fnv1a64(terms[i + 1], first ^ 0x20), bucket_bits)] += weight;
    }
  }
}

}  // namespace

FeatureVector category_features(const CategoryText& input, uint32_t bucket_bits) {
  text::Analyzer& analyzer = text::thread_analyzer(input.language);
  std::unordered_map<uint32_t, float> counts;
  add_terms(utf8_prefix(input.title, 1024), kTitleWeight, analyzer, input.lexicon, bucket_bits, counts);
  add_terms(utf8_prefix(input.text, kMaxCategoryTextBytes), kBodyWeight, analyzer, input.lexicon, bucket_bits, counts);

  FeatureVector features;
  features.reserve(counts.size());
  // Sublinear counts: the tenth "match" says less than the first.
  for (const auto& [bucket, count] : counts) features.push_back({bucket, 1.0f + std::log(count)});
  std::sort(features.begin(), features.end(), [](const Feature& a, const Feature& b) { return a.bucket < b.bucket; });
  double squares = 0;
  for (const Feature& feature : features) squares += double(feature.value) * feature.value;
  if (squares > 0) {
    const float scale = static_cast<float>(1.0 / std::sqrt(squares));
    for (Feature& feature : features) feature.value *= scale;
  }
  if (const auto section = section_category(input.url, input.section)) {
    const uint32_t bucket = bucket_of(fnv1a64(category_name(*section), kSectionSeed), bucket_bits);
    const auto at = std::lower_bound(features.begin(), features.end(), bucket,
                                     [](const Feature& feature, uint32_t b) { return feature.bucket < b; });
    if (at != features.end() && at->bucket == bucket) at->value += kSectionFeatureValue;
    else features.insert(at, {bucket, kSectionFeatureValue});
  }
  return features;
}

}  // namespace storyline::label
