#pragma once
// Training and evaluation of the scraped-text extractor on the dataset-derived examples
// (scraped_text_dataset.h). Behind `storyline train scraped-text` and `storyline eval scraped-text`.
#include <string>
#include <vector>

#include "storyline/eval/line_model_training.h"
#include "storyline/eval/scraped_text_dataset.h"
#include "storyline/extract/line_classifier.h"

namespace storyline::extract {

// Trains on the examples not held out.
LineModel train_scraped_text_model(const ScrapedTextDataset& dataset, const TrainingOptions& options = {});

struct LineScores {
  double true_positives = 0, false_positives = 0, false_negatives = 0, true_negatives = 0;
  double precision() const;
  double recall() const;
  double f1() const;
};

struct ScrapedTextScores {
  size_t pages = 0;
  size_t labeled_lines = 0;
  LineScores classifier_lines;  // the classifier's own decisions on labeled lines
  LineScores extractor_lines;   // the extractor's final body lines (after title, caption, ... rules)
  // Mean per-document word-4-gram precision/recall of the extracted body vs the gold text, over
  // pages with a full gold text; the same for the whole visible text as "body" (the baseline).
  size_t gold_text_pages = 0;
  double mean_precision = 0, mean_recall = 0;
  double baseline_precision = 0, baseline_recall = 0;
  // Headlines, on pages whose gold has a title: the same words (case and punctuation aside), and
  // the gold title's words within the extracted one or the reverse (a site name appended).
  size_t titled_pages = 0, titles_exact = 0, titles_overlapping = 0;
  // trafilatura-eval snippets, counted as trafilatura counts them.
  LineScores snippets;
  // Per page with a full gold text: name, word-4-gram precision and recall.
  struct PageScore {
    std::string name;
    double precision = 0, recall = 0;
  };
  std::vector<PageScore> page_scores;
  static double f1(double precision, double recall) {
    return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
  }
};

// Evaluates on the held-out examples (or all, when `held_out_only` is false).
ScrapedTextScores evaluate_scraped_text(const ScrapedTextDataset& dataset, const LineModel& model,
                                        bool held_out_only = true);

}  // namespace storyline::extract
