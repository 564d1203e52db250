#include "storyline/label/translation_lexicon.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <fstream>
#include <sstream>
#include <tuple>

#include "storyline/core/hash.h"
#include "storyline/core/table_rows.h"
#include "storyline/label/category_model.h"  // ModelError
#include "storyline/label/kindred_spelling.h"
#include "storyline/text/utf8.h"

namespace storyline::label {
namespace {

// "language\tterm", written into `key` (a lookup reuses one buffer per thread).
const std::string& key_of(std::string_view language, std::string_view term, std::string& key) {
  key.clear();
  key.append(language).push_back('\t');
  key.append(term);
  return key;
}

}  // namespace

TranslationLexicon::TranslationLexicon(const std::vector<Translation>& translations) {
  std::vector<PairView> pairs;
  pairs.reserve(translations.size());
  for (const Translation& t : translations) pairs.push_back({t.language, t.term, t.english, t.sentences});
  build(std::move(pairs));
}

void TranslationLexicon::build(std::vector<PairView> pairs) {
  const auto in_order = [](const PairView& a, const PairView& b) {
    return std::tie(a.language, a.term, a.english) < std::tie(b.language, b.term, b.english);
  };
  if (!std::is_sorted(pairs.begin(), pairs.end(), in_order)) std::sort(pairs.begin(), pairs.end(), in_order);
  // One English term per source term: the first in order wins, so a repeated line cannot make the
  // answer depend on the file's order.
  pairs.erase(std::unique(pairs.begin(), pairs.end(),
                          [](const PairView& a, const PairView& b) { return a.language == b.language && a.term == b.term; }),
              pairs.end());
  // Distinct English terms by hash first, then sorted: sorting every pair's term cost more than
  // the rest of loading.
  StringMap<uint32_t> first_seen;
  std::vector<uint32_t> target_of_pair;
  target_of_pair.reserve(pairs.size());
  for (const PairView& pair : pairs) {
    auto found = first_seen.find(pair.english);
    if (found == first_seen.end())
      found = first_seen.emplace(std::string(pair.english), static_cast<uint32_t>(first_seen.size())).first;
    target_of_pair.push_back(found->second);
  }
  english_.resize(first_seen.size());
  for (auto& [term, id] : first_seen) english_[id] = term;
  std::vector<uint32_t> order(english_.size()), rank(english_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return english_[a] < english_[b]; });
  std::vector<std::string> sorted(english_.size());
  for (uint32_t i = 0; i < order.size(); ++i) {
    rank[order[i]] = i;
    sorted[i] = std::move(english_[order[i]]);
  }
  english_ = std::move(sorted);
  for (auto& [term, id] : first_seen) id = rank[id];
  english_index_ = std::move(first_seen);

  rows_.reserve(pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    const PairView& pair = pairs[i];
    rows_.push_back({static_cast<uint32_t>(keys_.size()), static_cast<uint32_t>(pair.language.size() + 1 + pair.term.size()),
                     rank[target_of_pair[i]], pair.sentences});
    keys_.append(pair.language).push_back('\t');
    keys_.append(pair.term);
  }
  size_t capacity = 16;
  while (capacity < 2 * rows_.size()) capacity *= 2;
  slots_.assign(capacity, 0);
  for (size_t row = 0; row < rows_.size(); ++row) {
    size_t slot = fnv1a64(key_of(row)) & (capacity - 1);
    while (slots_[slot] != 0) slot = (slot + 1) & (capacity - 1);
    slots_[slot] = static_cast<uint32_t>(row + 1);
  }
  build_kindred_index();
}

void TranslationLexicon::build_kindred_index() {
  static std::atomic<uint64_t> next_serial{1};
  serial_ = next_serial++;
  kindred_index_.clear();
  std::string key;
  for (size_t row = 0; row < rows_.size(); ++row) {
    const std::string_view whole = key_of(row);
    const size_t tab = whole.find('\t');
    const std::string_view language = whole.substr(0, tab);
    if (!is_kindred_target(language)) continue;
    const std::vector<std::string> skeletons = spelling_skeletons(language, whole.substr(tab + 1));
    label::key_of(language, skeletons.front(), key);
    // Two stems of one skeleton: the one more sentences taught, else the first in order.
    const auto [found, added] = kindred_index_.emplace(key, static_cast<uint32_t>(row));
    if (!added && rows_[row].sentences > rows_[found->second].sentences) found->second = static_cast<uint32_t>(row);
  }
}

const std::string* TranslationLexicon::english(std::string_view language, std::string_view term) const {
  if (rows_.empty()) return nullptr;
  const Row* row = listed(language, term);
  return row ? &english_[row->english] : nullptr;
}

TranslationLexicon::KindredTerm TranslationLexicon::kindred_term(std::string_view language, std::string_view term) const {
  if (rows_.empty() || kindred_index_.empty()) return {};
  // A word's answer is remembered per thread: finding it tries a few dozen spellings, and a
  // Ukrainian stream repeats its words (categorizing its pages was a quarter as fast as Russian's).
  // Keyed by this lexicon's serial number, not its address, which a later lexicon may reuse.
  struct Remembered {
    uint64_t lexicon = 0;
    StringMap<int64_t> rows;  // "language\tterm" -> row, or -1
  };
  thread_local Remembered remembered;
  constexpr size_t kRememberedWords = 100000;
  if (remembered.lexicon != serial_ || remembered.rows.size() >= kRememberedWords) {
    remembered.rows.clear();
    remembered.lexicon = serial_;
  }
  thread_local std::string wanted;
  label::key_of(language, term, wanted);
  auto found = remembered.rows.find(wanted);
  if (found == remembered.rows.end()) {
    const Row* looked_up = kindred(language, term);
    found = remembered.rows.emplace(wanted, looked_up ? looked_up - rows_.data() : -1).first;
  }
  if (found->second < 0) return {};
  const size_t row = static_cast<size_t>(found->second);
  const std::string_view key = key_of(row);
  return {key.substr(key.find('\t') + 1), &english_[rows_[row].english]};
}

const TranslationLexicon::Row* TranslationLexicon::listed(std::string_view language, std::string_view term) const {
  thread_local std::string key;
  const std::string_view wanted = label::key_of(language, term, key);
  const size_t mask = slots_.size() - 1;
  for (size_t slot = fnv1a64(wanted) & mask; slots_[slot] != 0; slot = (slot + 1) & mask) {
    const size_t row = slots_[slot] - 1;
    if (key_of(row) == wanted) return &rows_[row];
  }
  return nullptr;
}

// The kindred language's stem whose skeleton is the longest prefix of one of the word's skeletons.
// The rest of the word is its ending, so it must be short; and a short stem would match the start
// of too many unrelated words (роз- "rose" in розслідування "investigation").
const TranslationLexicon::Row* TranslationLexicon::kindred(std::string_view language, std::string_view term) const {
  constexpr size_t kShortestWord = 5, kShortestStem = 4, kLongestEnding = 4;  // code points
  // The dictionaries' stems (no sentence taught them) are mostly rare words, and a short one is
  // more often a false friend than the word (тільки "only" as тёлка "heifer", кілька "several"
  // as килька "sprat").
  constexpr size_t kShortestDictionaryStem = 6;
  const std::string_view target = kindred_language(language);
  if (target.empty() || kindred_index_.empty() || text::utf8_length(term) < kShortestWord) return nullptr;
  thread_local std::string key;
  const Row* best = nullptr;
  size_t best_length = 0;
  std::vector<size_t> ends;  // byte offsets after each code point of a skeleton
  for (const std::string& skeleton : spelling_skeletons(language, term)) {
    ends.clear();
    for (size_t pos = 0; pos < skeleton.size();) {
      text::next_code_point(skeleton, pos);
      ends.push_back(pos);
    }
    const size_t letters = ends.size();
    const size_t shortest = std::max(kShortestStem, letters > kLongestEnding ? letters - kLongestEnding : 0);
    for (size_t length = letters; length >= shortest && length >= best_length && length > 0; --length) {
      const auto found = kindred_index_.find(
          label::key_of(target, std::string_view(skeleton).substr(0, ends[length - 1]), key));
      if (found == kindred_index_.end()) continue;
      const Row* row = &rows_[found->second];
      if (row->sentences == 0 && length < kShortestDictionaryStem) continue;
      if (length > best_length || row->sentences > best->sentences) {
        best = row;
        best_length = length;
      }
      break;
    }
  }
  return best;
}

const std::string* TranslationLexicon::english_target(std::string_view english) const {
  const auto found = english_index_.find(english);
  if (found == english_index_.end()) return nullptr;
  return &english_[found->second];
}

std::vector<Translation> TranslationLexicon::translations() const {
  std::vector<Translation> all;
  all.reserve(rows_.size());
  for (size_t row = 0; row < rows_.size(); ++row) {
    const std::string_view key = key_of(row);
    const size_t tab = key.find('\t');
    all.push_back({std::string(key.substr(0, tab)), std::string(key.substr(tab + 1)), english_[rows_[row].english],
                   rows_[row].sentences});
  }
  return all;
}

std::string TranslationLexicon::serialize() const {
  std::string out =
      "# storyline translation lexicon: language, term, English term, sentences seen (storyline train lexicon)\n";
  for (size_t row = 0; row < rows_.size(); ++row) {
    out.append(key_of(row)).push_back('\t');
    out.append(english_[rows_[row].english]).push_back('\t');
    out.append(std::to_string(rows_[row].sentences)).push_back('\n');
  }
  return out;
}

TranslationLexicon TranslationLexicon::deserialize(std::string_view text, const std::string& name, Evidence evidence) {
  std::vector<PairView> pairs;  // views into `text`, copied by build()
  pairs.reserve(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')));
  for_each_table_row(text, [&](size_t line, const TableRow& fields) {
    if (fields.size() != 4 || fields[0].empty() || fields[1].empty() || fields[2].empty())
      throw ModelError(name + ":" + std::to_string(line) +
                       ": expected four tab-separated fields (language, term, English term, sentences); "
                       "retrain it with `storyline train lexicon`");
    unsigned sentences = 0;
    const char* end = fields[3].data() + fields[3].size();
    const auto [stop, error] = std::from_chars(fields[3].data(), end, sentences);
    if (error != std::errc() || stop != end || fields[3].empty())
      throw ModelError(name + ":" + std::to_string(line) + ": the sentence count '" + std::string(fields[3]) +
                       "' is not a number");
    if (evidence == Evidence::kAny || sentences > 0) pairs.push_back({fields[0], fields[1], fields[2], sentences});
  });
  TranslationLexicon lexicon;
  lexicon.build(std::move(pairs));
  return lexicon;
}

TranslationLexicon TranslationLexicon::load(const std::string& path, Evidence evidence) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ModelError(path + ": cannot read the translation lexicon; train it with `storyline train lexicon`");
  std::string text;
  in.seekg(0, std::ios::end);
  text.resize(static_cast<size_t>(std::max<std::streamoff>(in.tellg(), 0)));
  in.seekg(0, std::ios::beg);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  return deserialize(text, path, evidence);
}

void TranslationLexicon::save(const std::string& path) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << serialize();
  if (!out.flush()) throw ModelError(path + ": cannot write the translation lexicon");
}

}  // namespace storyline::label
