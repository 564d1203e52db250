#include "storyline/label/news_page.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <unordered_map>

#include "storyline/core/hash.h"
#include "storyline/label/news_rules.h"
#include "storyline/label/shipped_model.h"
#include "storyline/text/tokenize.h"

namespace storyline::label {
namespace {

constexpr std::string_view kMagic = "STORYLINE NEWS MODEL 1";
// Only the start of a body is read: its shape shows in the first pages of text.
constexpr size_t kMaxTextBytes = 24 * 1024;

class FeatureBag {
 public:
  void add(std::string_view kind, std::string_view value, float weight = 1.0f) {
    const uint64_t seed = fnv1a64(kind);
    const uint32_t bucket = static_cast<uint32_t>(fnv1a64(value, seed) >> (64 - kNewsFeatureBits));
    counts_[bucket] = std::max(counts_[bucket], weight);
  }
  // A number as one of a few bins ("length:3"): the model learns a shape, not a value.
  void add_bin(std::string_view kind, double value, std::initializer_list<double> edges) {
    int bin = 0;
    for (double edge : edges) bin += value >= edge;
    add(kind, std::to_string(bin));
  }
  FeatureVector take() {
    FeatureVector features;
    features.reserve(counts_.size());
    for (const auto& [bucket, value] : counts_) features.push_back({bucket, value});
    std::sort(features.begin(), features.end(), [](const Feature& a, const Feature& b) { return a.bucket < b.bucket; });
    return features;
  }

 private:
  std::unordered_map<uint32_t, float> counts_;
};

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// URL path words: lower-case ASCII letters runs ("product", "forum", "recipes", "tag"), digits
// dropped, plus the path's shape (a date in it, a long numeric id, its depth).
void add_url(std::string_view url, FeatureBag& bag) {
  if (url.empty()) {
    bag.add("url", "none");
    return;
  }
  if (const size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    url.remove_prefix(scheme + 3);
    const size_t slash = url.find('/');
    const std::string_view host = url.substr(0, slash);
    // The host's first label says what kind of site part it is ("shop.", "forum.", "docs.").
    if (const size_t dot = host.find('.');
        dot != std::string_view::npos && host.find('.', dot + 1) != std::string_view::npos)
      bag.add("host", host.substr(0, dot));
    url = slash == std::string_view::npos ? std::string_view() : url.substr(slash);
  }
  if (url.find('?') != std::string_view::npos) bag.add("url", "query");
  url = url.substr(0, url.find_first_of("?#"));
  int depth = 0;
  int longest_number = 0;
  int run = 0;
  bool year = false;
  std::string word;
  size_t words = 0;
  auto flush = [&] {
    if (word.size() >= 2 && words < 24) {
      bag.add("path", word);
      ++words;
    }
    word.clear();
  };
  for (size_t i = 0; i < url.size(); ++i) {
    const char c = url[i];
    if (c == '/') ++depth;
    if (is_ascii_digit(c)) {
      ++run;
      longest_number = std::max(longest_number, run);
    } else {
      if (run == 4 && (url.substr(i - 4, 2) == "19" || url.substr(i - 4, 2) == "20")) year = true;
      run = 0;
    }
    if (c >= 'A' && c <= 'Z') word += static_cast<char>(c - 'A' + 'a');
    else if (c >= 'a' && c <= 'z') word += c;
    else flush();
  }
  flush();
  if (run == 4) year = true;
  bag.add("url-year", year ? "yes" : "no");
  bag.add_bin("url-number", longest_number, {1, 4, 6, 9});
  bag.add_bin("url-depth", depth, {2, 3, 4, 6});
  bag.add_bin("url-words", static_cast<double>(words), {1, 3, 6, 10});
}

void add_title(std::string_view title, FeatureBag& bag) {
  if (title.empty()) {
    bag.add("title", "none");
    return;
  }
  size_t count = 0;
  for (const text::Word& word : text::split_words(title.substr(0, 400))) {
    if (++count > 30) break;
    bool digits = std::all_of(word.text.begin(), word.text.end(), is_ascii_digit);
    bag.add("title-word", digits ? std::string_view("0") : std::string_view(text::fold_case(word.text)));
  }
  bag.add_bin("title-words", static_cast<double>(count), {3, 6, 10, 16, 25});
  if (title.find('?') != std::string_view::npos) bag.add("title", "question");
  if (title.find('|') != std::string_view::npos) bag.add("title", "bar");
}

bool has_price(std::string_view line) {
  for (std::string_view currency : {"$", "€", "£", "₽", "¥", "USD", "EUR", "руб", "грн"}) {
    const size_t at = line.find(currency);
    if (at == std::string_view::npos) continue;
    const bool digit_after = at + currency.size() < line.size() && is_ascii_digit(line[at + currency.size()]);
    const bool digit_before = at > 0 && (is_ascii_digit(line[at - 1]) ||
                                         (at > 1 && line[at - 1] == ' ' && is_ascii_digit(line[at - 2])));
    if (digit_after || digit_before) return true;
  }
  return false;
}

void add_text_shape(std::string_view body, FeatureBag& bag) {
  if (body.empty()) {
    bag.add("text", "none");
    return;
  }
  body = body.substr(0, kMaxTextBytes);
  size_t paragraphs = 0, short_lines = 0, long_paragraphs = 0, questions = 0, prices = 0, list_marks = 0;
  size_t start = 0;
  while (start < body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view line = body.substr(start, end - start);
    start = end + 1;
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    ++paragraphs;
    if (line.size() < 60) ++short_lines;
    if (line.size() >= 300) ++long_paragraphs;
    if (!line.empty() && line.back() == '?') ++questions;
    if (has_price(line)) ++prices;
    if (line.starts_with("- ") || line.starts_with("* ") || line.starts_with("• ")) ++list_marks;
  }
  const double p = std::max<size_t>(paragraphs, 1);
  bag.add_bin("text-bytes", std::log2(double(body.size()) + 1), {8, 9, 10, 11, 12, 13, 14});
  bag.add_bin("paragraphs", static_cast<double>(paragraphs), {2, 4, 8, 16, 32, 64});
  bag.add_bin("short-share", short_lines / p, {0.1, 0.25, 0.5, 0.75});
  bag.add_bin("long-share", long_paragraphs / p, {0.05, 0.2, 0.4, 0.6});
  bag.add_bin("question-share", questions / p, {0.02, 0.1, 0.25});
  bag.add_bin("prices", static_cast<double>(prices), {1, 3, 8});
  bag.add_bin("list-share", list_marks / p, {0.05, 0.2, 0.5});
}

}  // namespace

FeatureVector news_features(const Document& document) {
  FeatureBag bag;
  bag.add("bias-free", "always");  // a constant the model may use beside its bias
  add_url(field_view(document.url), bag);
  add_title(field_view(document.title), bag);
  add_text_shape(field_view(document.text), bag);
  // A date, a byline or an image are not asked about: whether they are known depends on how the
  // document arrived (a record posted to the API, a scraped text, a feed item) more than on what it is.
  for (const std::string& type : document.page_types) bag.add("page-type", std::string_view(type).substr(0, 60));
  return bag.take();
}

NewsModel::NewsModel(uint32_t bits, std::vector<float> weights, float bias)
    : bits_(bits), weights_(std::move(weights)), bias_(bias) {
  weights_.resize(size_t{1} << bits_, 0.0f);
}

double NewsModel::probability(const FeatureVector& features) const {
  double score = bias_;
  for (const Feature& feature : features)
    if (feature.bucket < weights_.size()) score += double(weights_[feature.bucket]) * feature.value;
  return 1.0 / (1.0 + std::exp(-score));
}

bool NewsModel::is_news(const Document& document) const {
  const bool little_to_judge = field_view(document.text).size() < kShortTextBytes && document.page_types.empty();
  return probability(news_features(document)) >= (little_to_judge ? kShortTextNewsThreshold : kNewsThreshold);
}

std::string NewsModel::serialize() const {
  std::string out(kMagic);
  char line[64];
  std::snprintf(line, sizeof line, "\nbits %u\nbias %.9g\n", bits_, double(bias_));
  out += line;
  for (size_t bucket = 0; bucket < weights_.size(); ++bucket) {
    if (weights_[bucket] == 0.0f) continue;
    std::snprintf(line, sizeof line, "%zu %.9g\n", bucket, double(weights_[bucket]));
    out += line;
  }
  return out;
}

NewsModel NewsModel::deserialize(std::string_view text, const std::string& name) {
  std::istringstream in{std::string(text)};
  std::string magic;
  std::getline(in, magic);
  if (magic != kMagic) throw ModelError(name + ": not a Storyline news model (first line '" + magic.substr(0, 40) + "')");
  std::string key;
  uint32_t bits = 0;
  float bias = 0;
  if (!(in >> key >> bits) || key != "bits" || bits != kNewsFeatureBits)
    throw ModelError(name + ": line 2 must be 'bits " + std::to_string(kNewsFeatureBits) + "'");
  if (!(in >> key >> bias) || key != "bias") throw ModelError(name + ": line 3 must be 'bias <number>'");
  std::vector<float> weights(size_t{1} << bits, 0.0f);
  size_t bucket = 0;
  float weight = 0;
  size_t line = 3;
  while (in >> bucket >> weight) {
    ++line;
    if (bucket >= weights.size()) throw ModelError(name + ": line " + std::to_string(line) + ": bucket out of range");
    weights[bucket] = weight;
  }
  if (!in.eof()) throw ModelError(name + ": line " + std::to_string(line + 1) + ": expected 'bucket weight'");
  return NewsModel(bits, std::move(weights), bias);
}

NewsModel NewsModel::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ModelError(path + ": cannot open the news model");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return deserialize(bytes.str(), path);
}

void NewsModel::save(const std::string& path) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << serialize();
  if (!out) throw ModelError(path + ": cannot write the news model");
}

const NewsModel& default_news_model() { return shipped_model<NewsModel>("news.model", "storyline train news"); }

bool decide_is_news(const Document& document, const NewsModel& model) {
  if (document.is_news) return *document.is_news;
  return !not_news_reason(document) && model.is_news(document);
}

bool decide_is_news(const Document& document) {
  if (document.is_news) return *document.is_news;
  try {
    return decide_is_news(document, default_news_model());
  } catch (const ModelError&) {
    return !not_news_reason(document);
  }
}

}  // namespace storyline::label
