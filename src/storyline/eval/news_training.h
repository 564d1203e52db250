#pragma once
// Training the news-or-not model (label/news_page.h) from pages labelled news or not: what
// `storyline train news` runs and `storyline eval categories` scores.
#include <vector>

#include "storyline/label/category_features.h"
#include "storyline/label/news_page.h"

namespace storyline::label {

struct NewsExample {
  FeatureVector features;
  bool is_news = true;
  double weight = 1.0;
};

// Logistic regression, AdaGrad, fixed seed and order: the same examples give the same model.
NewsModel train_news_model(const std::vector<NewsExample>& examples, int epochs = 10, double l2 = 1e-5);

}  // namespace storyline::label
