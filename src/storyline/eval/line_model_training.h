#pragma once
// Training the scraped-text extractor's line classifier (extract/line_classifier.h) from pages
// whose lines are labelled body or chrome: what `storyline train scraped-text` runs.
#include <cstdint>
#include <vector>

#include "storyline/extract/line_classifier.h"
#include "storyline/extract/line_features.h"

namespace storyline::extract {

// A page of training data: its lines' features and labels (1 body, 0 chrome, -1 unknown).
struct LabeledPage {
  FeatureRows features;
  std::vector<int8_t> labels;
};

struct TrainingOptions {
  int iterations = 30;  // Newton steps (it stops earlier once converged)
  double l2 = 1e-3;     // per-example penalty on the standardized weights
};

// Fits both layers (Newton's method on standardized features; deterministic) and
// picks the threshold that maximizes line-level F1 of "body" on the training pages.
LineModel train_line_model(const std::vector<LabeledPage>& pages, const TrainingOptions& options = {});

}  // namespace storyline::extract
