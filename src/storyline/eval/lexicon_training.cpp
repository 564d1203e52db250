#include "storyline/eval/lexicon_training.h"

#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>

#include "storyline/eval/multilingual_datasets.h"
#include "storyline/text/tokenize.h"

namespace storyline::eval {
namespace {

using TermId = uint32_t;
constexpr TermId kNull = UINT32_MAX;  // the empty word: a word may translate to nothing

struct Vocabulary {
  std::unordered_map<std::string, TermId> ids;
  std::vector<std::string> terms;
  std::vector<unsigned> sentences;  // sentences each term occurs in

  TermId id(const std::string& term) {
    const auto [at, added] = ids.emplace(term, static_cast<TermId>(terms.size()));
    if (added) {
      terms.push_back(term);
      sentences.push_back(0);
    }
    return at->second;
  }
};

std::vector<TermId> analyze(text::Analyzer& analyzer, const std::string& sentence, Vocabulary& vocabulary) {
  std::vector<TermId> ids;
  std::set<TermId> seen;
  for (const std::string& term : analyzer.terms(sentence)) {
    // Numbers translate to themselves and already share their feature across languages.
    if (term.find_first_of("0123456789") != std::string::npos) continue;
    const TermId id = vocabulary.id(term);
    ids.push_back(id);
    if (seen.insert(id).second) ++vocabulary.sentences[id];
  }
  return ids;
}

uint64_t pair_key(TermId source, TermId target) { return (uint64_t(source) << 32) | target; }

// t(source | target) for every pair that shares a sentence, target kNull included, by EM; target
// ids are below `target_terms`. Each pair's probability has one slot in a flat array, and each
// sentence lists its slots, so that an iteration is array arithmetic rather than hash lookups.
std::unordered_map<uint64_t, double> model_one(const std::vector<std::pair<std::vector<TermId>, std::vector<TermId>>>& pairs,
                                               size_t target_terms, unsigned iterations) {
  std::unordered_map<uint64_t, uint32_t> slot_of;
  std::vector<TermId> target_of;
  std::vector<std::vector<uint32_t>> sentence_slots;  // per sentence: for each source word, [null, targets...]
  const auto slot = [&](TermId source, TermId target) {
    const auto [at, added] = slot_of.emplace(pair_key(source, target), static_cast<uint32_t>(target_of.size()));
    if (added) target_of.push_back(target);
    return at->second;
  };
  for (const auto& [source, target] : pairs) {
    std::vector<uint32_t> slots;
    slots.reserve(source.size() * (target.size() + 1));
    for (TermId s : source) {
      slots.push_back(slot(s, kNull));
      for (TermId g : target) slots.push_back(slot(s, g));
    }
    sentence_slots.push_back(std::move(slots));
  }
  // Totals are kept per target term, the empty word's last.
  std::vector<uint32_t> total_of(target_of.size());
  for (size_t p = 0; p < target_of.size(); ++p)
    total_of[p] = target_of[p] == kNull ? static_cast<uint32_t>(target_terms) : target_of[p];

  std::vector<double> t(target_of.size(), 1.0), counts(t.size()), totals(target_terms + 1);
  for (unsigned iteration = 0; iteration < iterations; ++iteration) {
    std::fill(counts.begin(), counts.end(), 0.0);
    std::fill(totals.begin(), totals.end(), 0.0);
    for (size_t i = 0; i < pairs.size(); ++i) {
      const size_t row = pairs[i].second.size() + 1;
      const std::vector<uint32_t>& slots = sentence_slots[i];
      for (size_t start = 0; start < slots.size(); start += row) {
        double z = 0;
        for (size_t k = start; k < start + row; ++k) z += t[slots[k]];
        for (size_t k = start; k < start + row; ++k) {
          const double c = t[slots[k]] / z;
          counts[slots[k]] += c;
          totals[total_of[slots[k]]] += c;
        }
      }
    }
    for (size_t p = 0; p < t.size(); ++p) t[p] = counts[p] / totals[total_of[p]];
  }
  std::unordered_map<uint64_t, double> probabilities;
  probabilities.reserve(slot_of.size());
  for (const auto& [key, p] : slot_of) probabilities.emplace(key, t[p]);
  return probabilities;
}

// For each target term g, the source term s most likely generated from it (max t(s | g)) and that
// probability; ties go to the smaller id, so the result does not depend on hash order.
std::unordered_map<TermId, std::pair<TermId, double>> best_source_for_each_target(
    const std::unordered_map<uint64_t, double>& t) {
  std::unordered_map<TermId, std::pair<TermId, double>> best;
  for (const auto& [key, probability] : t) {
    const TermId source = static_cast<TermId>(key >> 32), target = static_cast<TermId>(key & 0xffffffffu);
    if (target == kNull) continue;
    auto [at, added] = best.emplace(target, std::make_pair(source, probability));
    if (!added && (probability > at->second.second || (probability == at->second.second && source < at->second.first)))
      at->second = {source, probability};
  }
  return best;
}

}  // namespace

label::TranslationLexicon train_translation_lexicon(const std::vector<ParallelSentence>& sentences,
                                                    const LexiconOptions& options) {
  std::map<std::string, std::vector<const ParallelSentence*>> by_language;
  for (const auto& sentence : sentences)
    if (sentence.language != "en") by_language[sentence.language].push_back(&sentence);
  std::vector<label::Translation> translations;
  for (const auto& [language, list] : by_language) {
    text::Analyzer foreign_analyzer(language), english_analyzer("en");
    Vocabulary foreign, english;
    // (source, target) sentence pairs: Model 1 estimates t(source word | target word).
    std::vector<std::pair<std::vector<TermId>, std::vector<TermId>>> english_from_foreign, foreign_from_english;
    for (const ParallelSentence* sentence : list) {
      auto f = analyze(foreign_analyzer, sentence->text, foreign);
      auto e = analyze(english_analyzer, sentence->english, english);
      if (f.empty() || e.empty()) continue;
      english_from_foreign.emplace_back(e, f);
      foreign_from_english.emplace_back(f, e);
    }
    // f -> (its likeliest English word e, P(e | f)); e -> (its likeliest word f of the language, P(f | e)).
    const auto english_given_foreign = best_source_for_each_target(
        model_one(english_from_foreign, foreign.terms.size(), options.iterations));
    const auto foreign_given_english = best_source_for_each_target(
        model_one(foreign_from_english, english.terms.size(), options.iterations));
    for (const auto& [f, best] : english_given_foreign) {
      const auto [e, probability] = best;
      const auto back = foreign_given_english.find(e);
      if (back == foreign_given_english.end() || back->second.first != f) continue;
      if (probability < options.min_probability) continue;
      if (foreign.sentences[f] < options.min_sentences || english.sentences[e] < options.min_sentences) continue;
      if (english.sentences[e] > options.max_english_share * double(english_from_foreign.size())) continue;
      if (foreign.terms[f] == english.terms[e]) continue;  // already the same feature
      translations.push_back({language, foreign.terms[f], english.terms[e], foreign.sentences[f]});
    }
  }
  return label::TranslationLexicon(std::move(translations));
}

std::set<std::string> general_english_terms(const std::vector<ParallelSentence>& sentences, double max_share) {
  std::set<std::string> distinct;
  for (const auto& sentence : sentences) distinct.insert(sentence.english);
  text::Analyzer analyzer("en");
  Vocabulary vocabulary;
  for (const std::string& sentence : distinct) analyze(analyzer, sentence, vocabulary);
  std::set<std::string> general;
  for (size_t id = 0; id < vocabulary.terms.size(); ++id)
    if (vocabulary.sentences[id] > max_share * double(distinct.size())) general.insert(vocabulary.terms[id]);
  return general;
}

std::vector<ParallelSentence> load_sib200_parallel(const std::string& folder, const std::vector<std::string>& splits) {
  std::map<std::string, std::string> english;  // index_id -> sentence
  for (const std::string& split : splits)
    for (auto& text : label::load_sib200(folder, "eng_Latn", split))
      english[text.id.substr(text.id.rfind('/') + 1)] = std::move(text.text);
  if (english.empty()) throw std::runtime_error(folder + ": no English SIB-200 sentences (eng_Latn/<split>.tsv.gz)");
  std::vector<ParallelSentence> sentences;
  for (const std::string& language_folder : label::language_folders(folder)) {
    if (language_folder == "eng_Latn") continue;
    for (const std::string& split : splits)
      for (auto& text : label::load_sib200(folder, language_folder, split)) {
        const auto found = english.find(text.id.substr(text.id.rfind('/') + 1));
        if (found == english.end()) continue;
        sentences.push_back({text.language, std::move(text.text), found->second});
      }
  }
  return sentences;
}

}  // namespace storyline::eval
