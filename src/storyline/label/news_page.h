#pragma once
// News or not (INTERFACE.md's `is_news`): is a document a news report, or a product, listing,
// forum, documentation or service page, a recipe, a podcast or video index, a test page...?
// A logistic regression over what any reader of a page sees first: the words of its URL path and
// title, the shape of its text (length, paragraphs, short lines, prices, questions), whether it is
// dated and signed, and, when the page was extracted here, what its markup says it is (og:type,
// schema.org @types: Document::page_types). Trained by `storyline train news` on WCXB's page types, the extractor
// fixtures and the contest pages (eval/news_training.h); scored by `storyline eval categories`.
//
// Model file (text, deterministic): "STORYLINE NEWS MODEL 1", then "bits N", "bias X", then one
// "bucket weight" line per non-zero weight, buckets ascending.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/core/document.h"
#include "storyline/label/category_features.h"
#include "storyline/label/category_model.h"

namespace storyline::label {

inline constexpr uint32_t kNewsFeatureBits = 16;

// Sorted, one value per bucket, bounded: URL and title words, shape indicators, markup kinds.
FeatureVector news_features(const Document& document);

class NewsModel {
 public:
  NewsModel(uint32_t bits, std::vector<float> weights, float bias);

  double probability(const FeatureVector& features) const;  // that the page is news
  bool is_news(const Document& document) const;

  std::string serialize() const;
  static NewsModel deserialize(std::string_view text, const std::string& name);  // throws ModelError
  static NewsModel load(const std::string& path);                                // throws ModelError
  void save(const std::string& path) const;

  bool operator==(const NewsModel&) const = default;

 private:
  uint32_t bits_;
  std::vector<float> weights_;
  float bias_;
};

// Probability under which a page is not news. The model is trained with both classes weighing
// the same; a real stream is about nine parts news to one (the pages read in gold/: 731 of 793),
// so its odds are multiplied by 9 to decide, i.e. not news below 0.1. A news engine that drops a
// report loses more than one that keeps a stray page.
inline constexpr double kNewsThreshold = 0.1;
// A text this short, with nothing in the markup saying what the page is, gives the model little
// to judge by: it must be far surer before it calls such a page not news.
inline constexpr size_t kShortTextBytes = 400;
inline constexpr double kShortTextNewsThreshold = 0.02;

// The shipped model (models/news.model), loaded once; throws ModelError when it is missing.
const NewsModel& default_news_model();

// The document's is_news: kept when already decided; false when a phrase of not_news_phrases.tsv
// matches (placeholder, test, licence and exam-practice texts); else the shipped model's answer
// (true when no model is found: unknown pages are treated as news, as before this decision existed).
bool decide_is_news(const Document& document);
// The same with a given model (the evaluation scores models it trains).
bool decide_is_news(const Document& document, const NewsModel& model);

}  // namespace storyline::label
