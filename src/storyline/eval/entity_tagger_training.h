#pragma once
// Trains label::EntityTagger: an averaged perceptron over the tagger's own features, decoding left
// to right with its own predicted tags as history (what it will see when tagging), a fixed
// sentence order shuffled per epoch from a fixed seed, so that the same data gives the same model.
#include <cstdint>
#include <string>
#include <vector>

#include "storyline/eval/ner_corpus.h"
#include "storyline/label/entity_tagger.h"

namespace storyline::eval {

struct TaggedWords {
  std::vector<std::string> words;  // as text::split_words cuts the sentence
  std::vector<int> tags;           // indices into label::kEntityTags
};

// The sentences as the tagger will read text: each token cut by text::split_words (punctuation
// tokens vanish; "U.S." may become two words), a B- tag on its first word and I- on the rest;
// tags of no INTERFACE.md entity (GermEval's *deriv, *part) become O.
std::vector<TaggedWords> tagger_sentences(const std::vector<NerSentence>& sentences);

struct TaggerTraining {
  int epochs = 6;
  uint64_t seed = 20261207;
  uint32_t bits = label::kEntityTaggerBits;
  // Averaged weights smaller than this are dropped: they decide nothing and would fill the file.
  float min_weight = 0.02f;
};

label::EntityTagger train_entity_tagger(const std::vector<TaggedWords>& sentences, const std::string& language,
                                        const TaggerTraining& options = {});

}  // namespace storyline::eval
