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

}  // namespace

double LogisticLayer::logistic(double z) { return 1.0 / (1.0 + std::exp(-std::clamp(z, -40.0, 40.0))); }

double LogisticLayer::probability(const std::vector<double>& row) const {
  double z = bias;
  for (size_t c = 0; c < weight.size() && c < row.size(); ++c) z += weight[c] * (row[c] - mean[c]) * scale[c];
  return logistic(z);
}

const std::vector<std::string>& context_feature_names() {
  static const std::vector<std::string> kNames = {"p_self",    "p_prev",       "p_next",      "p_prev2",       "p_next2",
                                                  "p_window5", "p_max_before", "p_max_after", "p_rank_in_page"};
  return kNames;
}

std::vector<std::string> context_layer_columns() {
  std::vector<std::string> names = line_feature_names();
  for (const auto& name : context_feature_names()) names.push_back(name);
  return names;
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
    const double rank = n > 1 ? static_cast<double>(std::lower_bound(sorted.begin(), sorted.end(), p[i]) - sorted.begin()) /
                                    (n - 1)
                              : 1.0;
    const std::vector<double> extra = {p[i],          at(k - 1),    at(k + 1),
                                       at(k - 2),     at(k + 2),    window_count ? window / window_count : 0.0,
                                       max_before[i], max_after[i], rank};
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
  if (header != kModelHeader)
    throw std::runtime_error("scraped-text model: the first line is not '" + std::string(kModelHeader) + "'");
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

}  // namespace storyline::extract
