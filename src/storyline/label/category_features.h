#pragma once
// What the category model sees of a document: its words and word pairs (bigrams) after
// text::Analyzer (case folding, stop words out, Snowball stems), hashed into a fixed number of
// buckets, with title words counted more than body words, sublinear counts, unit length; words
// of other languages also as their English translation when a lexicon is given (and a Ukrainian
// word also as the Russian stem it spells, kindred_spelling.h); plus,
// when the publisher filed the page under a section our table knows (section_category.h), one
// feature naming that section's category.
#include <cstdint>
#include <string_view>
#include <vector>

namespace storyline::label {

class TranslationLexicon;

struct Feature {
  uint32_t bucket = 0;
  float value = 0;
};

// Sorted by bucket, no bucket twice, Euclidean length 1 (or empty when the text has no words).
using FeatureVector = std::vector<Feature>;

// Bumped whenever category_features() changes what it computes, so that an old model file is
// refused instead of silently mis-predicting.
inline constexpr uint32_t kCategoryFeatureVersion = 4;

// Only the start of a long body is read: the category of a news article shows in its opening
// paragraphs, and this bounds the cost of a huge input.
inline constexpr size_t kMaxCategoryTextBytes = 16 * 1024;

struct CategoryText {
  std::string_view title;
  std::string_view text;
  std::string_view language;      // ISO 639-1; picks the stemmer and stop words ("" = none)
  std::string_view url = {};      // the page's URL (its path names a section), or empty
  std::string_view section = {};  // the publisher's section name (article:section, a feed's category)
  // When set, a word of another language that the lexicon translates also counts as its English
  // word (see translation_lexicon.h). Models are trained and used with the same lexicon.
  const TranslationLexicon* lexicon = nullptr;
};

// The weight of the section feature, added after the words are scaled to unit length: it says as
// much whatever the length of the text.
inline constexpr float kSectionFeatureValue = 1.0f;

// Deterministic: the same input always gives the same vector. Thread-safe (each thread keeps its
// own analyzers).
FeatureVector category_features(const CategoryText& input, uint32_t bucket_bits);

}  // namespace storyline::label
