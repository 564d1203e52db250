#pragma once
// One call for any stage that needs a document's category: the shipped model
// (models/categories.model, found by core/model_path.h) is loaded on first use, once, and
// shared by all threads.
#include <string>

#include "storyline/core/document.h"
#include "storyline/label/category_model.h"
#include "storyline/label/translation_lexicon.h"

namespace storyline::label {

// The shipped model. Throws ModelError when it is missing or unusable (every later call throws
// the same error again).
const CategoryModel& default_category_model();

// The shipped translation lexicon (models/lexicon.tsv), which the shipped model was trained with.
// Throws ModelError when it is missing or unusable.
const TranslationLexicon& default_translation_lexicon();
// The same, or nullptr when it is missing or unusable (for stages that read it when they can).
const TranslationLexicon* translation_lexicon_if_shipped();

// The same file's pairs that sentences taught (TranslationLexicon::Evidence::kSentences), loaded
// on their own: the clusterer reads only those, and need not load the dictionaries' 200,000.
const TranslationLexicon& sentence_translation_lexicon();

// What the model reads of a document: its title, its body (or, without one, its excerpt), its
// language (or "en" when unknown: most of the model's data is English) and the shipped lexicon.
CategoryText category_text(const Document& document);

// "society", "economy", ... (INTERFACE.md) by `model`, or by the shipped model.
std::string categorize(const Document& document, const CategoryModel& model);
std::string categorize(const Document& document);

}  // namespace storyline::label
