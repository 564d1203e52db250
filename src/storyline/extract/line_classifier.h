#pragma once
// The body/chrome line classifier of the scraped-text extractor: two stacked logistic
// regressions. The first scores each line from its own features (line_features.h); the second
// adds the first one's scores of the neighbouring lines, so that a line is judged with its
// context (a short line between two paragraphs of prose, a caption among menus).
//
// A model is small plain text ("name mean scale weight" per feature), made by
// `storyline train scraped-text` (eval/line_model_training.h); the default one is compiled in (scraped_text_model.inc, the
// same text as models/scraped_text.model), so the engine needs no data files at run time.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/extract/line_features.h"

namespace storyline::extract {

struct LogisticLayer {
  std::vector<std::string> names;
  std::vector<double> mean, scale, weight;
  double bias = 0.0;

  double probability(const std::vector<double>& row) const;
  // The logistic function of a score clamped to +-40: what probability() applies.
  static double logistic(double z);
};

struct LineModel {
  LogisticLayer lines;    // per-line features
  LogisticLayer context;  // per-line features + the first layer's scores around the line
  double threshold = 0.5;

  // Probability that each line is article body.
  std::vector<double> body_probabilities(const std::vector<std::string>& lines_of_page) const;
  std::vector<double> body_probabilities(const FeatureRows& features) const;

  std::string to_text() const;
  // Throws std::runtime_error naming what is wrong when the text is not a model of this version.
  static LineModel parse(std::string_view text);
  // The compiled-in default model.
  static const LineModel& builtin();
  static std::string_view builtin_text();
};

// Names of the second layer's extra (context) columns.
const std::vector<std::string>& context_feature_names();
// All the second layer's columns: line_feature_names(), then context_feature_names().
std::vector<std::string> context_layer_columns();
// The second layer's rows: each line's features followed by its context columns.
FeatureRows with_context(const FeatureRows& features, const std::vector<double>& first_layer_probabilities);

}  // namespace storyline::extract
