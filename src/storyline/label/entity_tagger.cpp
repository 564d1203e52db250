#include "storyline/label/entity_tagger.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <unordered_map>

#include "storyline/core/hash.h"
#include "storyline/core/model_path.h"
#include "storyline/label/category_model.h"  // ModelError
#include "storyline/text/tokenize.h"

namespace storyline::label {
namespace {

constexpr std::string_view kMagic = "STORYLINE ENTITY TAGGER 1";
constexpr uint64_t kFeatureSeed = 0x51ed270b27bb7e4dULL;

// The first or last `count` code points of a word.
std::string prefix_of(const std::string& word, size_t count) {
  size_t end = 0, points = 0;
  while (end < word.size() && points < count) {
    ++end;
    while (end < word.size() && (static_cast<unsigned char>(word[end]) & 0xC0) == 0x80) ++end;
    ++points;
  }
  return word.substr(0, end);
}

std::string suffix_of(const std::string& word, size_t count) {
  size_t start = word.size(), points = 0;
  while (start > 0 && points < count) {
    --start;
    while (start > 0 && (static_cast<unsigned char>(word[start]) & 0xC0) == 0x80) --start;
    ++points;
  }
  return word.substr(start);
}

// The word's shape: X for upper case, x for lower, d for a digit, a run of one kind written once
// ("Müller" Xx, "NATO" X, "G20" Xd). Bytes of multi-byte letters count as lower case unless the
// folded word differs (then the word opened with a capital).
std::string shape_of(const std::string& word, const std::string& folded) {
  std::string shape;
  const bool capitalized = !word.empty() && word != folded && prefix_of(word, 1) != prefix_of(folded, 1);
  for (size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    char kind = 'x';
    if (c >= '0' && c <= '9') kind = 'd';
    else if (c >= 'A' && c <= 'Z') kind = 'X';
    else if (c >= 0x80) kind = (i == 0 && capitalized) ? 'X' : 'x';
    if (c >= 0x80 && (c & 0xC0) == 0x80) continue;  // a continuation byte adds nothing
    if (shape.empty() || shape.back() != kind) shape += kind;
  }
  if (word == folded) return shape;
  // A non-ASCII capital elsewhere than first ("ÖVP"): say the word is not all lower case.
  if (shape.find('X') == std::string::npos) shape = "X" + shape;
  return shape;
}

uint32_t bucket_of(std::string_view feature, uint32_t bits) {
  uint64_t hash = fnv1a64(feature, kFeatureSeed);
  hash ^= hash >> 31;
  hash *= 0x9e3779b97f4a7c15ULL;
  hash ^= hash >> 29;
  return static_cast<uint32_t>(hash >> (64 - bits));
}

std::string type_of_tag(int tag) {
  const std::string_view name = kEntityTags[static_cast<size_t>(tag)].substr(2);
  if (name == "PER") return "person";
  if (name == "ORG") return "organization";
  if (name == "LOC") return "location";
  return "other";
}

// A person named by the surname alone joins the full name that ends with it ("Johnson" is "Boris
// Johnson"), as the English recognizer joins them; only when one full name fits.
void join_short_names(std::vector<EntityMention>& mentions) {
  for (size_t i = 0; i < mentions.size();) {
    EntityMention& short_form = mentions[i];
    size_t full = mentions.size(), fits = 0;
    if (short_form.type == "person" && short_form.text.find(' ') == std::string::npos)
      for (size_t j = 0; j < mentions.size(); ++j)
        if (j != i && mentions[j].type == "person" && mentions[j].text.ends_with(" " + short_form.text)) {
          full = j;
          ++fits;
        }
    if (fits != 1) {
      ++i;
      continue;
    }
    mentions[full].count += short_form.count;
    mentions[full].first_offset = std::min(mentions[full].first_offset, short_form.first_offset);
    mentions.erase(mentions.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

}  // namespace

TaggerWords::TaggerWords(std::vector<std::string> sentence_words) : words(std::move(sentence_words)) {
  folded.reserve(words.size());
  shapes.reserve(words.size());
  for (const std::string& word : words) {
    folded.push_back(text::fold_case(word));
    shapes.push_back(shape_of(word, folded.back()));
  }
}

std::vector<uint32_t> tagger_features(const TaggerWords& sentence, size_t i, int previous_tag, int tag_before_previous,
                                      uint32_t bits) {
  const size_t count = sentence.words.size();
  auto folded_at = [&](long at) -> const std::string& {
    static const std::string kStart = "<s>", kEnd = "</s>";
    if (at < 0) return kStart;
    if (static_cast<size_t>(at) >= count) return kEnd;
    return sentence.folded[static_cast<size_t>(at)];
  };
  const long here = static_cast<long>(i);
  const std::string& folded = sentence.folded[i];
  const std::string& shape = sentence.shapes[i];
  const std::string& before = folded_at(here - 1);
  const std::string& after = folded_at(here + 1);
  const std::string shape_before = i > 0 ? sentence.shapes[i - 1] : "<s>";
  const std::string shape_after = i + 1 < count ? sentence.shapes[i + 1] : "</s>";
  const std::string tag = std::string(kEntityTags[static_cast<size_t>(previous_tag)]);
  const std::string tag2 = std::string(kEntityTags[static_cast<size_t>(tag_before_previous)]);
  const std::vector<std::string> features = {
      "bias",
      "w=" + folded,
      "shape=" + shape,
      "p2=" + prefix_of(folded, 2),
      "p3=" + prefix_of(folded, 3),
      "s2=" + suffix_of(folded, 2),
      "s3=" + suffix_of(folded, 3),
      "s4=" + suffix_of(folded, 4),
      "first=" + std::string(i == 0 ? "1" : "0") + shape,
      "w-1=" + before,
      "w+1=" + after,
      "w-2=" + folded_at(here - 2),
      "w+2=" + folded_at(here + 2),
      "sh-1=" + shape_before + "|" + shape,
      "sh+1=" + shape + "|" + shape_after,
      "t-1=" + tag,
      "t-2=" + tag2 + "|" + tag,
      "t-1w=" + tag + "|" + folded,
      "t-1sh=" + tag + "|" + shape,
      "w-1w=" + before + "|" + folded,
  };
  std::vector<uint32_t> buckets;
  buckets.reserve(features.size());
  for (const std::string& feature : features) buckets.push_back(bucket_of(feature, bits));
  return buckets;
}

int repaired_tag(int tag, int previous_tag) {
  if (tag == 0 || tag % 2 == 1) return tag;  // O and B- always fit
  // I-X (even) continues B-X (tag - 1) or I-X (tag).
  if (previous_tag == tag || previous_tag == tag - 1) return tag;
  return tag - 1;
}

int best_allowed_tag(const std::array<float, kEntityTagCount>& scores, int previous_tag) {
  int best = 0;
  for (int tag = 1; tag < static_cast<int>(kEntityTagCount); ++tag)
    if (repaired_tag(tag, previous_tag) == tag && scores[static_cast<size_t>(tag)] > scores[static_cast<size_t>(best)])
      best = tag;
  return best;
}

EntityTagger::EntityTagger(std::string language, uint32_t bits, std::vector<float> weights)
    : language_(std::move(language)), bits_(bits), weights_(std::move(weights)) {
  if (weights_.size() != (size_t{1} << bits_) * kEntityTagCount)
    throw ModelError("entity tagger: weights do not fit " + std::to_string(bits_) + " bits");
}

std::vector<int> EntityTagger::tag(const std::vector<std::string>& words) const {
  const TaggerWords sentence(words);
  std::vector<int> tags;
  tags.reserve(words.size());
  int previous = 0, before_previous = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    std::array<float, kEntityTagCount> scores{};
    for (uint32_t bucket : tagger_features(sentence, i, previous, before_previous, bits_)) {
      const float* row = &weights_[size_t{bucket} * kEntityTagCount];
      for (size_t t = 0; t < kEntityTagCount; ++t) scores[t] += row[t];
    }
    const int chosen = best_allowed_tag(scores, previous);
    tags.push_back(chosen);
    before_previous = previous;
    previous = chosen;
  }
  return tags;
}

std::vector<EntityMention> EntityTagger::entities(std::string_view text) const {
  std::vector<EntityMention> mentions;
  std::unordered_map<std::string, size_t> index;  // "type\ttext" -> position in mentions
  for (const std::string_view sentence : text::split_sentences(text)) {
    const auto split = text::split_words(sentence);
    std::vector<std::string> words;
    words.reserve(split.size());
    for (const auto& word : split) words.emplace_back(word.text);
    const std::vector<int> tags = tag(words);
    for (size_t i = 0; i < tags.size();) {
      if (tags[i] == 0) {
        ++i;
        continue;
      }
      size_t end = i + 1;
      while (end < tags.size() && tags[end] % 2 == 0 && tags[end] != 0 && tags[end] - 1 == tags[i]) ++end;
      // The name as written: from its first word to the end of its last, hyphens and spaces kept.
      const size_t from = split[i].offset, to = split[end - 1].offset + split[end - 1].text.size();
      const std::string name(sentence.substr(from, to - from));
      const std::string type = type_of_tag(tags[i]);
      const std::string key = type + "\t" + name;
      const size_t offset = static_cast<size_t>(sentence.data() - text.data()) + from;
      if (const auto found = index.find(key); found != index.end()) {
        ++mentions[found->second].count;
      } else {
        index.emplace(key, mentions.size());
        mentions.push_back({name, type, 1, offset});
      }
      i = end;
    }
  }
  join_short_names(mentions);
  std::stable_sort(mentions.begin(), mentions.end(),
                   [](const EntityMention& a, const EntityMention& b) { return a.count > b.count; });
  return mentions;
}

std::string EntityTagger::serialize() const {
  std::string out(kMagic);
  out += "\nlanguage " + language_ + "\nbits " + std::to_string(bits_) + "\n";
  char line[80];
  for (size_t i = 0; i < weights_.size(); ++i) {
    if (weights_[i] == 0.0f) continue;
    std::snprintf(line, sizeof line, "%zu %zu %.9g\n", i / kEntityTagCount, i % kEntityTagCount, double(weights_[i]));
    out += line;
  }
  return out;
}

EntityTagger EntityTagger::deserialize(std::string_view text, const std::string& name) {
  std::istringstream in{std::string(text)};
  std::string magic, key, language;
  std::getline(in, magic);
  if (magic != kMagic) throw ModelError(name + ": not a Storyline entity tagger (first line '" + magic.substr(0, 40) + "')");
  uint32_t bits = 0;
  if (!(in >> key >> language) || key != "language") throw ModelError(name + ": line 2 must be 'language <code>'");
  if (!(in >> key >> bits) || key != "bits" || bits < 8 || bits > 24)
    throw ModelError(name + ": line 3 must be 'bits <8..24>'");
  std::vector<float> weights((size_t{1} << bits) * kEntityTagCount, 0.0f);
  size_t bucket = 0, tag = 0, line = 3;
  float weight = 0;
  while (in >> bucket >> tag >> weight) {
    ++line;
    if (bucket >= (size_t{1} << bits) || tag >= kEntityTagCount)
      throw ModelError(name + ": line " + std::to_string(line) + ": bucket or tag out of range");
    weights[bucket * kEntityTagCount + tag] = weight;
  }
  if (!in.eof()) throw ModelError(name + ": line " + std::to_string(line + 1) + ": expected 'bucket tag weight'");
  return EntityTagger(language, bits, std::move(weights));
}

EntityTagger EntityTagger::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ModelError(path + ": cannot be read");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return deserialize(bytes.str(), path);
}

void EntityTagger::save(const std::string& path) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << serialize();
  if (!out) throw ModelError(path + ": cannot write the entity tagger");
}

const EntityTagger* shipped_entity_tagger(const std::string& language) {
  // One per language, loaded on first use; a language without a model (or with a broken one) is
  // remembered as such, so that it is looked for once.
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<EntityTagger>> taggers;
  const std::lock_guard lock(mutex);
  if (const auto found = taggers.find(language); found != taggers.end()) return found->second.get();
  std::unique_ptr<EntityTagger> tagger;
  const bool plausible = language.size() >= 2 && language.size() <= 3 &&
                         std::all_of(language.begin(), language.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (plausible)
    if (const auto path = find_model("entities-" + language + ".model")) {
      try {
        tagger = std::make_unique<EntityTagger>(EntityTagger::load(*path));
      } catch (const ModelError& error) {
        std::fprintf(stderr, "storyline: %s; %s names are left out\n", error.what(), language.c_str());
      }
    }
  return taggers.emplace(language, std::move(tagger)).first->second.get();
}

}  // namespace storyline::label
