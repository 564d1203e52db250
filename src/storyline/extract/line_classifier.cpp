#include "storyline/extract/line_classifier.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>
#include <stdexcept>

namespace storyline::extract {
namespace {

constexpr std::string_view kModelHeader = "storyline-scraped-text-line-model 1";

constexpr char kBuiltinModel[] =
#include "storyline/extract/scraped_text_model.inc"
    ;

double sigmoid(double z) { return 1.0 / (1.0 + std::exp(-std::clamp(z, -40.0, 40.0))); }

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
LogisticLayer fit_layer(const std::vector<std::string>& names, const FeatureRows& rows,
                        const std::vector<int8_t>& labels, const TrainingOptions& options) {
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
      const double p = sigmoid(z);
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

void write_layer(std::ostringstream& out, const std::string& name, const LogisticLayer& layer) {
  out << "layer " << name << " " << layer.names.size() << "\n";
  out << std::setprecision(9);
  for (size_t c = 0; c < layer.names.size(); ++c)
    out << layer.names[c] << " " << layer.mean[c] << " " << layer.scale[c] << " " << layer.weight[c] << "\n";
  out << "bias " << layer.bias << "\n";
}

LogisticLayer read_layer(std::istringstream& in, const std::string& expected_name,
                         const std::vector<std::string>& expected_columns) {
  std::string keyword, name;
  size_t columns = 0;
  if (!(in >> keyword >> name >> columns) || keyword != "layer" || name != expected_name)
    throw std::runtime_error("scraped-text model: expected 'layer " + expected_name + " N'");
  if (columns != expected_columns.size())
    throw std::runtime_error("scraped-text model: layer " + name + " has " + std::to_string(columns) +
                             " columns, this build computes " + std::to_string(expected_columns.size()));
  LogisticLayer layer;
  for (size_t c = 0; c < columns; ++c) {
    std::string column;
    double mean = 0, scale = 0, weight = 0;
    if (!(in >> column >> mean >> scale >> weight))
      throw std::runtime_error("scraped-text model: layer " + name + " is cut short at column " + std::to_string(c));
    if (column != expected_columns[c])
      throw std::runtime_error("scraped-text model: column " + std::to_string(c) + " is '" + column + "', expected '" +
                               expected_columns[c] + "' (retrain with `storyline train scraped-text`)");
    layer.names.push_back(column);
    layer.mean.push_back(mean);
    layer.scale.push_back(scale);
    layer.weight.push_back(weight);
  }
  if (!(in >> keyword >> layer.bias) || keyword != "bias")
    throw std::runtime_error("scraped-text model: layer " + name + " has no bias");
  return layer;
}

std::vector<std::string> context_layer_columns() {
  std::vector<std::string> names = line_feature_names();
  for (const auto& name : context_feature_names()) names.push_back(name);
  return names;
}

}  // namespace

double LogisticLayer::probability(const std::vector<double>& row) const {
  double z = bias;
  for (size_t c = 0; c < weight.size() && c < row.size(); ++c) z += weight[c] * (row[c] - mean[c]) * scale[c];
  return sigmoid(z);
}

const std::vector<std::string>& context_feature_names() {
  static const std::vector<std::string> kNames = {"p_self",     "p_prev",        "p_next",      "p_prev2",
                                                  "p_next2",    "p_window5",     "p_max_before", "p_max_after",
                                                  "p_rank_in_page"};
  return kNames;
}

FeatureRows with_context(const FeatureRows& features, const std::vector<double>& p) {
  const size_t n = features.size();
  FeatureRows rows = features;
  if (n == 0) return rows;
  std::vector<double> max_before(n, 0.0), max_after(n, 0.0);
  for (size_t i = 1; i < n; ++i) max_before[i] = std::max(max_before[i - 1], p[i - 1]);
  for (size_t i = n - 1; i-- > 0;) max_after[i] = std::max(max_after[i + 1], p[i + 1]);
  std::vector<double> sorted = p;
  std::sort(sorted.begin(), sorted.end());
  auto at = [&](ptrdiff_t k) { return k >= 0 && static_cast<size_t>(k) < n ? p[static_cast<size_t>(k)] : 0.0; };
  for (size_t i = 0; i < n; ++i) {
    const auto k = static_cast<ptrdiff_t>(i);
    double window = 0;
    int window_count = 0;
    for (ptrdiff_t j = k - 5; j <= k + 5; ++j) {
      if (j < 0 || static_cast<size_t>(j) >= n || j == k) continue;
      window += p[static_cast<size_t>(j)];
      ++window_count;
    }
    const double rank = n > 1 ? static_cast<double>(std::lower_bound(sorted.begin(), sorted.end(), p[i]) - sorted.begin()) / (n - 1) : 1.0;
    const std::vector<double> extra = {p[i],        at(k - 1),     at(k + 1),    at(k - 2), at(k + 2),
                                       window_count ? window / window_count : 0.0, max_before[i], max_after[i], rank};
    rows[i].insert(rows[i].end(), extra.begin(), extra.end());
  }
  return rows;
}

std::vector<double> LineModel::body_probabilities(const FeatureRows& features) const {
  std::vector<double> first;
  first.reserve(features.size());
  for (const auto& row : features) first.push_back(lines.probability(row));
  const FeatureRows rows = with_context(features, first);
  std::vector<double> second;
  second.reserve(rows.size());
  for (const auto& row : rows) second.push_back(context.probability(row));
  return second;
}

std::vector<double> LineModel::body_probabilities(const std::vector<std::string>& lines_of_page) const {
  return body_probabilities(line_features(lines_of_page));
}

std::string LineModel::to_text() const {
  std::ostringstream out;
  out << kModelHeader << "\n";
  out << "# Body/chrome line classifier of the scraped-text extractor. Made by `storyline train scraped-text`;\n";
  out << "# columns: name, mean, scale (1/stddev), weight on the standardized value.\n";
  write_layer(out, "lines", lines);
  write_layer(out, "context", context);
  out << std::setprecision(9) << "threshold " << threshold << "\n";
  return out.str();
}

LineModel LineModel::parse(std::string_view text) {
  std::string body;
  // Comment lines start with '#'.
  std::istringstream raw{std::string(text)};
  std::string line, header;
  bool first = true;
  while (std::getline(raw, line)) {
    if (first) {
      header = line;
      first = false;
      continue;
    }
    if (!line.empty() && line[0] == '#') continue;
    body += line;
    body += '\n';
  }
  if (header != kModelHeader) throw std::runtime_error("scraped-text model: the first line is not '" + std::string(kModelHeader) + "'");
  std::istringstream in(body);
  LineModel model;
  model.lines = read_layer(in, "lines", line_feature_names());
  model.context = read_layer(in, "context", context_layer_columns());
  std::string keyword;
  if (!(in >> keyword >> model.threshold) || keyword != "threshold")
    throw std::runtime_error("scraped-text model: no threshold");
  return model;
}

std::string_view LineModel::builtin_text() { return kBuiltinModel; }

const LineModel& LineModel::builtin() {
  static const LineModel model = parse(builtin_text());
  return model;
}

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
