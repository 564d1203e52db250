#include "storyline/eval/line_model_training.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace storyline::extract {
namespace {

// Solves A x = b for a symmetric positive definite A (Cholesky), size n.
std::vector<double> solve_symmetric(std::vector<double> a, std::vector<double> b, size_t n) {
  for (size_t j = 0; j < n; ++j) {
    double diagonal = a[j * n + j];
    for (size_t k = 0; k < j; ++k) diagonal -= a[j * n + k] * a[j * n + k];
    diagonal = std::sqrt(std::max(diagonal, 1e-12));
    a[j * n + j] = diagonal;
    for (size_t i = j + 1; i < n; ++i) {
      double value = a[i * n + j];
      for (size_t k = 0; k < j; ++k) value -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = value / diagonal;
    }
  }
  for (size_t i = 0; i < n; ++i) {
    for (size_t k = 0; k < i; ++k) b[i] -= a[i * n + k] * b[k];
    b[i] /= a[i * n + i];
  }
  for (size_t i = n; i-- > 0;) {
    for (size_t k = i + 1; k < n; ++k) b[i] -= a[k * n + i] * b[k];
    b[i] /= a[i * n + i];
  }
  return b;
}

// Fits one logistic layer on the labeled rows (labels 0/1) by full-batch Newton steps on
// standardized columns. Hand-written: a few dozen lines, where a machine-learning library would
// be a new dependency for one small linear model.
LogisticLayer fit_layer(const std::vector<std::string>& names, const FeatureRows& rows, const std::vector<int8_t>& labels,
                        const TrainingOptions& options) {
  const size_t columns = names.size();
  LogisticLayer layer;
  layer.names = names;
  layer.mean.assign(columns, 0.0);
  layer.scale.assign(columns, 1.0);
  layer.weight.assign(columns, 0.0);
  if (rows.empty()) return layer;
  const double count = static_cast<double>(rows.size());
  for (const auto& row : rows)
    for (size_t c = 0; c < columns; ++c) layer.mean[c] += row[c] / count;
  std::vector<double> variance(columns, 0.0);
  for (const auto& row : rows)
    for (size_t c = 0; c < columns; ++c) variance[c] += (row[c] - layer.mean[c]) * (row[c] - layer.mean[c]) / count;
  for (size_t c = 0; c < columns; ++c) layer.scale[c] = variance[c] > 1e-12 ? 1.0 / std::sqrt(variance[c]) : 0.0;

  std::vector<std::vector<double>> standardized(rows.size(), std::vector<double>(columns));
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t c = 0; c < columns; ++c) standardized[r][c] = (rows[r][c] - layer.mean[c]) * layer.scale[c];

  double positives = 0;
  for (int8_t label : labels) positives += label;
  const double prior = std::clamp(positives / count, 1e-3, 1 - 1e-3);
  layer.bias = std::log(prior / (1 - prior));
  // Newton's method (iteratively reweighted least squares) with an L2 penalty: the Hessian is
  // only (columns+1)^2, so a few exact steps converge where gradient descent would crawl.
  const size_t size = columns + 1;  // last slot: the bias
  std::vector<double> beta(size, 0.0);
  beta[columns] = layer.bias;
  for (int iteration = 0; iteration < options.iterations; ++iteration) {
    std::vector<double> gradient(size, 0.0);
    std::vector<double> hessian(size * size, 0.0);
    for (size_t r = 0; r < standardized.size(); ++r) {
      const std::vector<double>& x = standardized[r];
      double z = beta[columns];
      for (size_t c = 0; c < columns; ++c) z += beta[c] * x[c];
      const double p = LogisticLayer::logistic(z);
      const double error = p - labels[r];
      const double w = std::max(p * (1 - p), 1e-9);
      for (size_t a = 0; a < size; ++a) {
        const double xa = a < columns ? x[a] : 1.0;
        gradient[a] += error * xa;
        for (size_t b = 0; b <= a; ++b) hessian[a * size + b] += w * xa * (b < columns ? x[b] : 1.0);
      }
    }
    for (size_t a = 0; a < size; ++a) {
      for (size_t b = 0; b < a; ++b) hessian[b * size + a] = hessian[a * size + b];
      if (a < columns) {
        gradient[a] += options.l2 * count * beta[a];
        hessian[a * size + a] += options.l2 * count;
      }
      hessian[a * size + a] += 1e-9 * count;
    }
    const std::vector<double> step = solve_symmetric(hessian, gradient, size);
    double change = 0.0;
    for (size_t a = 0; a < size; ++a) {
      beta[a] -= step[a];
      change = std::max(change, std::abs(step[a]));
    }
    if (change < 1e-6) break;
  }
  for (size_t c = 0; c < columns; ++c) layer.weight[c] = beta[c];
  layer.bias = beta[columns];
  return layer;
}

}  // namespace

LineModel train_line_model(const std::vector<LabeledPage>& pages, const TrainingOptions& options) {
  FeatureRows rows;
  std::vector<int8_t> labels;
  for (const auto& page : pages)
    for (size_t i = 0; i < page.features.size(); ++i)
      if (page.labels[i] >= 0) {
        rows.push_back(page.features[i]);
        labels.push_back(page.labels[i]);
      }
  LineModel model;
  model.lines = fit_layer(line_feature_names(), rows, labels, options);

  FeatureRows context_rows;
  std::vector<int8_t> context_labels;
  for (const auto& page : pages) {
    std::vector<double> first;
    for (const auto& row : page.features) first.push_back(model.lines.probability(row));
    const FeatureRows page_rows = with_context(page.features, first);
    for (size_t i = 0; i < page_rows.size(); ++i)
      if (page.labels[i] >= 0) {
        context_rows.push_back(page_rows[i]);
        context_labels.push_back(page.labels[i]);
      }
  }
  model.context = fit_layer(context_layer_columns(), context_rows, context_labels, options);

  // Threshold: the best line-level F1 on the training pages, in steps of 0.05.
  std::vector<double> scores;
  for (const auto& row : context_rows) scores.push_back(model.context.probability(row));
  double best_f1 = -1;
  for (double threshold = 0.2; threshold <= 0.801; threshold += 0.05) {
    double tp = 0, fp = 0, fn = 0;
    for (size_t i = 0; i < scores.size(); ++i) {
      const bool predicted = scores[i] >= threshold;
      if (predicted && context_labels[i]) ++tp;
      else if (predicted) ++fp;
      else if (context_labels[i]) ++fn;
    }
    const double f1 = tp > 0 ? 2 * tp / (2 * tp + fp + fn) : 0.0;
    if (f1 > best_f1) {
      best_f1 = f1;
      model.threshold = std::round(threshold * 100) / 100;
    }
  }
  return model;
}

}  // namespace storyline::extract
