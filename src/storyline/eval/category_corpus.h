#pragma once
// Every labelled text the category model learns from, in every language, with the group each
// belongs to for held-out evaluation: a group is one publisher or one corpus, so that a model
// scored on it has never seen that publisher's writing (see `storyline eval categories`).
#include <optional>
#include <string>
#include <vector>

#include "storyline/eval/category_datasets.h"
#include "storyline/label/category_model.h"

namespace storyline::eval {

struct GroupedText {
  label::LabelledText text;
  std::string group;  // "bbc", "reuters", "lenta.ru", "ant/CNN", "flores", "pages", ...
};

struct CategoryCorpus {
  std::vector<GroupedText> texts;       // the datasets' own labels (human or the publisher's section)
  std::vector<GroupedText> pages;       // pages of many publishers labelled by their URL section (weak)
  std::vector<GroupedText> unlabelled;  // the other pages of the stream: for self-training
};

// Self-training: how sure a first model must be of an unlabelled page's category for the page to
// join the second round's training. The stream's own pages, in all its languages, teach the words
// its publishers use that no labelled set has. Measured with the pages' sites held out: German
// +0.10, Spanish +0.09, Italian +0.06 macro-F1 (languages with no labelled news of their own),
// Russian -0.02 (lenta, ria) to -0.06, Arabic -0.05, French -0.03, English equal; mean +0.016.
inline constexpr double kSelfTrainingConfidence = 0.8;

// The category `model` gives these features when it is at least kSelfTrainingConfidence sure of it.
std::optional<label::Category> confident_category(const label::CategoryModel& model, const label::FeatureVector& features);

// The unlabelled pages `model` is at least kSelfTrainingConfidence sure of, with that category.
std::vector<label::LabelledText> self_labelled(const std::vector<GroupedText>& unlabelled, const label::CategoryModel& model,
                                               unsigned threads);

// Everything under `data_folder` (../shared/data); missing datasets are skipped and named in
// `missing`. Pages are read with `threads` threads.
CategoryCorpus load_category_corpus(const std::string& data_folder, unsigned threads, std::vector<std::string>& missing);

// The shipped model's training texts: every text and page of the corpus (those with two right
// answers teach both, half each), in a fixed order (the order `storyline train categories` trains in).
std::vector<label::LabelledText> shipped_category_training(const CategoryCorpus& corpus);

}  // namespace storyline::eval
