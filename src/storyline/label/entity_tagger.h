#pragma once
// Named entities of languages the English recognizer (entity_recognizer.h) cannot read: a
// trained sequence tagger. Words (text::split_words, per sentence) get one of nine tags, O or
// B-/I- of PER, ORG, LOC, OTH, left to right, each from a linear score over hashed features of
// the word and its neighbours (folded word, shape, prefixes and suffixes, the tags before it).
// The weights are an averaged perceptron's, trained by `storyline train entities` from a labelled
// NER set (eval/entity_tagger_training.h); for German, GermEval 2014. Written here because no
// Debian package tags entities in C++ (MITIE, CRF++ and Stanford's tools are not packaged).
//
// Model file (text, deterministic): "STORYLINE ENTITY TAGGER 1", "language L", "bits N", then one
// "bucket tag weight" line per non-zero weight, buckets ascending.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/label/entity_recognizer.h"  // EntityMention

namespace storyline::label {

// The tags, in the model's order. B-X begins a name of type X; I-X continues it.
inline constexpr std::array<std::string_view, 9> kEntityTags = {"O",     "B-PER", "I-PER", "B-ORG", "I-ORG",
                                                                "B-LOC", "I-LOC", "B-OTH", "I-OTH"};
inline constexpr size_t kEntityTagCount = kEntityTags.size();

// The index of a tag's name in kEntityTags ("B-PER" is 1), or -1.
constexpr int entity_tag_index(std::string_view name) {
  for (size_t t = 0; t < kEntityTagCount; ++t)
    if (kEntityTags[t] == name) return static_cast<int>(t);
  return -1;
}
inline constexpr uint32_t kEntityTaggerBits = 18;

// A sentence's words with what the features read of each (folded, shape), computed once: every
// word is read by the features of its four neighbours too.
struct TaggerWords {
  explicit TaggerWords(std::vector<std::string> sentence_words);
  std::vector<std::string> words, folded, shapes;
};

// The hashed features of word `i` of a sentence, given the tags of the words before it.
std::vector<uint32_t> tagger_features(const TaggerWords& sentence, size_t i, int previous_tag, int tag_before_previous,
                                      uint32_t bits);

// An I- tag that cannot continue what is before it becomes its B- tag.
int repaired_tag(int tag, int previous_tag);

// The best scored tag that may follow `previous_tag` (O and B- always; I-X after B-X or I-X).
int best_allowed_tag(const std::array<float, kEntityTagCount>& scores, int previous_tag);

class EntityTagger {
 public:
  // Weights bucket-major: buckets x kEntityTagCount.
  EntityTagger(std::string language, uint32_t bits, std::vector<float> weights);

  const std::string& language() const { return language_; }
  uint32_t bits() const { return bits_; }

  // Tags of one sentence's words (indices into kEntityTags).
  std::vector<int> tag(const std::vector<std::string>& words) const;

  // The names in a text, most mentioned first (ties: first seen first), with their types
  // (person, organization, location, other) and counts; each written as in the text.
  std::vector<EntityMention> entities(std::string_view text) const;

  std::string serialize() const;
  static EntityTagger deserialize(std::string_view text, const std::string& name);  // throws ModelError
  static EntityTagger load(const std::string& path);                                // throws ModelError
  void save(const std::string& path) const;

  bool operator==(const EntityTagger&) const = default;

 private:
  std::string language_;
  uint32_t bits_;
  std::vector<float> weights_;
};

// The shipped tagger for `language` (models/entities-<language>.model), loaded once; nullptr
// when none is shipped for it.
const EntityTagger* shipped_entity_tagger(const std::string& language);

}  // namespace storyline::label
