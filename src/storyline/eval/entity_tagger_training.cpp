#include "storyline/eval/entity_tagger_training.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "storyline/eval/category_training.h"  // deterministic_shuffle
#include "storyline/text/tokenize.h"

namespace storyline::eval {
namespace {

// "B-PER" stays; "I-OTH" stays; MISC is OTH; *deriv, *part and anything else are O.
int training_tag(const std::string& tag) {
  if (tag.size() < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-') return 0;
  std::string type = tag.substr(2);
  if (type == "MISC") type = "OTH";
  if (type != "PER" && type != "ORG" && type != "LOC" && type != "OTH") return 0;
  return label::entity_tag_index(std::string(1, tag[0]) + "-" + type);
}

}  // namespace

std::vector<TaggedWords> tagger_sentences(const std::vector<NerSentence>& sentences) {
  std::vector<TaggedWords> result;
  result.reserve(sentences.size());
  for (const NerSentence& sentence : sentences) {
    TaggedWords tagged;
    for (size_t i = 0; i < sentence.tokens.size(); ++i) {
      const int tag = training_tag(sentence.tags[i]);
      bool first = true;
      for (const auto& word : text::split_words(sentence.tokens[i])) {
        tagged.words.emplace_back(word.text);
        // A token cut in two continues its own name: B-X then I-X (B- tags are odd, I- even).
        tagged.tags.push_back(!first && tag % 2 == 1 ? tag + 1 : tag);
        first = false;
      }
    }
    if (!tagged.words.empty()) result.push_back(std::move(tagged));
  }
  return result;
}

label::EntityTagger train_entity_tagger(const std::vector<TaggedWords>& sentences, const std::string& language,
                                        const TaggerTraining& options) {
  constexpr size_t K = label::kEntityTagCount;
  const size_t cells = (size_t{1} << options.bits) * K;
  // The averaged perceptron's usual bookkeeping: each weight's running total is brought up to
  // date lazily, from the step it last changed.
  std::vector<float> weights(cells, 0.0f);
  std::vector<double> totals(cells, 0.0);
  std::vector<uint64_t> changed_at(cells, 0);
  uint64_t step = 0;
  auto update = [&](size_t cell, float delta) {
    totals[cell] += static_cast<double>(step - changed_at[cell]) * weights[cell];
    changed_at[cell] = step;
    weights[cell] += delta;
  };

  // What the features read of each word, once for all epochs.
  std::vector<label::TaggerWords> read;
  read.reserve(sentences.size());
  for (const TaggedWords& sentence : sentences) read.emplace_back(sentence.words);
  std::vector<size_t> order(sentences.size());
  std::iota(order.begin(), order.end(), size_t{0});
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    label::deterministic_shuffle(order, options.seed + static_cast<uint64_t>(epoch));
    for (size_t index : order) {
      const TaggedWords& sentence = sentences[index];
      int previous = 0, before_previous = 0;
      for (size_t i = 0; i < sentence.words.size(); ++i) {
        ++step;
        const auto features = label::tagger_features(read[index], i, previous, before_previous, options.bits);
        std::array<float, K> scores{};
        for (uint32_t bucket : features)
          for (size_t t = 0; t < K; ++t) scores[t] += weights[size_t{bucket} * K + t];
        const int guess = label::best_allowed_tag(scores, previous);
        // After a wrong tag of its own, the gold I-X cannot follow: the tagger should then begin
        // the name (B-X), which is what it is taught.
        const int gold = label::repaired_tag(sentence.tags[i], previous);
        if (guess != gold)
          for (uint32_t bucket : features) {
            update(size_t{bucket} * K + static_cast<size_t>(gold), 1.0f);
            update(size_t{bucket} * K + static_cast<size_t>(guess), -1.0f);
          }
        before_previous = previous;
        previous = guess;  // its own history, as when tagging
      }
    }
  }
  std::vector<float> averaged(cells, 0.0f);
  for (size_t cell = 0; cell < cells; ++cell) {
    const double total = totals[cell] + static_cast<double>(step - changed_at[cell]) * weights[cell];
    const float mean = step ? static_cast<float>(total / static_cast<double>(step)) : 0.0f;
    // Rounded to 4 significant digits in the file; here to a multiple of 1e-4 so that saving and
    // loading give the same model.
    const float rounded = std::round(mean * 1e4f) / 1e4f;
    averaged[cell] = std::fabs(rounded) >= options.min_weight ? rounded : 0.0f;
  }
  return label::EntityTagger(language, options.bits, std::move(averaged));
}

}  // namespace storyline::eval
