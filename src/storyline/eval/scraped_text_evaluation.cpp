#include "storyline/eval/scraped_text_evaluation.h"

#include "storyline/extract/scraped_text_extractor.h"

namespace storyline::extract {
namespace {

void count(LineScores& scores, bool predicted, bool actual) {
  if (predicted && actual) ++scores.true_positives;
  else if (predicted) ++scores.false_positives;
  else if (actual) ++scores.false_negatives;
  else ++scores.true_negatives;
}

std::string joined_words(const std::string& text) {
  std::string out;
  for (const auto& word : metric_words(text)) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

}  // namespace

double LineScores::precision() const {
  const double predicted = true_positives + false_positives;
  return predicted > 0 ? true_positives / predicted : 0.0;
}
double LineScores::recall() const {
  const double actual = true_positives + false_negatives;
  return actual > 0 ? true_positives / actual : 0.0;
}
double LineScores::f1() const { return ScrapedTextScores::f1(precision(), recall()); }

LineModel train_scraped_text_model(const ScrapedTextDataset& dataset, const TrainingOptions& options) {
  std::vector<LabeledPage> pages;
  for (const auto& example : dataset.examples) {
    if (example.held_out) continue;
    pages.push_back({line_features(example.lines), example.labels});
  }
  return train_line_model(pages, options);
}

ScrapedTextScores evaluate_scraped_text(const ScrapedTextDataset& dataset, const LineModel& model, bool held_out_only) {
  ScrapedTextScores scores;
  for (const auto& example : dataset.examples) {
    if (held_out_only && !example.held_out) continue;
    ++scores.pages;
    const ScrapedTextAnalysis analysis = analyze_scraped_text(example.text, PageContext{example.name, {}, {}}, model);
    for (size_t i = 0; i < example.labels.size() && i < analysis.lines.size(); ++i) {
      if (example.labels[i] < 0) continue;
      ++scores.labeled_lines;
      const bool actual = example.labels[i] == 1;
      count(scores.classifier_lines, analysis.lines[i].body_probability >= model.threshold, actual);
      count(scores.extractor_lines, analysis.lines[i].role == LineRole::kBody, actual);
    }
    const std::string body = analysis.document.text.value_or("");
    if (example.gold_text) {
      ++scores.gold_text_pages;
      const PrecisionRecall extracted = word_4gram_precision_recall(body, *example.gold_text);
      const PrecisionRecall baseline = word_4gram_precision_recall(example.text, *example.gold_text);
      scores.page_scores.push_back({example.name, extracted.precision, extracted.recall});
      scores.mean_precision += extracted.precision;
      scores.mean_recall += extracted.recall;
      scores.baseline_precision += baseline.precision;
      scores.baseline_recall += baseline.recall;
    }
    if (example.gold_title && !metric_words(*example.gold_title).empty()) {
      ++scores.titled_pages;
      const std::string gold = " " + joined_words(*example.gold_title) + " ";
      const std::string found = " " + joined_words(analysis.document.title.value_or("")) + " ";
      if (gold == found) ++scores.titles_exact;
      if (found.size() > 2 && (gold.find(found) != std::string::npos || found.find(gold) != std::string::npos))
        ++scores.titles_overlapping;
    }
    const std::string collapsed = collapse_whitespace(body);
    for (const auto& snippet : example.with_snippets)
      count(scores.snippets, collapsed.find(collapse_whitespace(snippet)) != std::string::npos, true);
    for (const auto& snippet : example.without_snippets)
      count(scores.snippets, collapsed.find(collapse_whitespace(snippet)) != std::string::npos, false);
  }
  if (scores.gold_text_pages) {
    const double pages = static_cast<double>(scores.gold_text_pages);
    scores.mean_precision /= pages;
    scores.mean_recall /= pages;
    scores.baseline_precision /= pages;
    scores.baseline_recall /= pages;
  }
  return scores;
}

}  // namespace storyline::extract
