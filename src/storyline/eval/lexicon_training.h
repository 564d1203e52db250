#pragma once
// Learns label::TranslationLexicon from sentences translated into English (SIB-200's FLORES
// sentences): IBM Model 1 (Brown et al. 1993), an EM estimate of word-translation probabilities
// from sentence pairs alone, run both ways; a pair is kept when each word is the other's most
// likely translation and both were seen in enough sentences. No Debian package does word
// alignment as a library (fast_align and GIZA++ are programs, not packaged), and Model 1 is a
// short loop, so it is written here.
#include <set>
#include <string>
#include <vector>

#include "storyline/label/translation_lexicon.h"

namespace storyline::eval {

struct ParallelSentence {
  std::string language;  // ISO 639-1 of `text`
  std::string text;
  std::string english;  // the same sentence in English
};

struct LexiconOptions {
  unsigned iterations = 8;
  unsigned min_sentences = 2;    // a word seen once is as likely a coincidence as a translation
  double min_probability = 0.2;  // P(English word | word) of a kept pair
  // English words in more than this share of the English sentences ("first", "country", "since")
  // say little about a topic; translated, they would also carry the topic mix of whichever corpus
  // of another language uses them most onto the English word's weights.
  double max_english_share = 0.03;
};

label::TranslationLexicon train_translation_lexicon(const std::vector<ParallelSentence>& sentences,
                                                    const LexiconOptions& options = {});

// The English terms in more than `max_share` of the distinct English sentences: the general words
// (LexiconOptions::max_english_share) a translation must not lead to, whatever its source.
std::set<std::string> general_english_terms(const std::vector<ParallelSentence>& sentences, double max_share);

// SIB-200's sentences in every language of `folder` but English, each with its English sentence
// (the same index_id), from the given splits. Throws std::runtime_error naming a file it cannot read.
std::vector<ParallelSentence> load_sib200_parallel(const std::string& folder, const std::vector<std::string>& splits);

}  // namespace storyline::eval
