#pragma once
// Every labelled text the category model learns from, in every language, with the group each
// belongs to for held-out evaluation: a group is one publisher or one corpus, so that a model
// scored on it has never seen that publisher's writing (see `storyline eval categories`).
#include <string>
#include <vector>

#include "storyline/label/category_corpora.h"

namespace storyline::eval {

struct GroupedText {
  label::LabelledText text;
  std::string group;  // "bbc", "reuters", "lenta.ru", "ant/CNN", "flores", "pages", ...
};

struct CategoryCorpus {
  std::vector<GroupedText> texts;  // the datasets' own labels (human or the publisher's section)
  std::vector<GroupedText> pages;  // pages of many publishers labelled by their URL section (weak)
};

// Everything under `data_folder` (../shared/data); missing datasets are skipped and named in
// `missing`. Pages are read with `threads` threads.
CategoryCorpus load_category_corpus(const std::string& data_folder, unsigned threads, std::vector<std::string>& missing);

// The shipped model's training texts: every text and page of the corpus with a single right answer,
// in a fixed order (the order `storyline train categories` trains in).
std::vector<label::LabelledText> shipped_category_training(const CategoryCorpus& corpus);

}  // namespace storyline::eval
