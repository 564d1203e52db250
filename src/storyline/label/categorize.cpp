#include "storyline/label/categorize.h"

#include "storyline/label/shipped_model.h"

namespace storyline::label {

const CategoryModel& default_category_model() {
  return shipped_model<CategoryModel>("categories.model", "storyline train categories");
}

const TranslationLexicon& default_translation_lexicon() {
  return shipped_model<TranslationLexicon>("lexicon.tsv", "storyline train lexicon");
}

const TranslationLexicon* translation_lexicon_if_shipped() {
  try {
    return &default_translation_lexicon();
  } catch (const ModelError&) {
    return nullptr;
  }
}

namespace {

// Its own type, so that shipped_model keeps it apart from the whole lexicon.
struct SentenceLexicon {
  TranslationLexicon lexicon;
  static SentenceLexicon load(const std::string& path) {
    return {TranslationLexicon::load(path, TranslationLexicon::Evidence::kSentences)};
  }
};

}  // namespace

const TranslationLexicon& sentence_translation_lexicon() {
  return shipped_model<SentenceLexicon>("lexicon.tsv", "storyline train lexicon").lexicon;
}

CategoryText category_text(const Document& document) {
  CategoryText input;
  if (document.title) input.title = *document.title;
  input.text = body_of(document);
  input.language = document.language && !document.language->empty() ? std::string_view(*document.language) : "en";
  if (document.url) input.url = *document.url;
  if (document.section) input.section = *document.section;
  // English is never translated: an English-only run need not load the lexicon.
  if (input.language != "en") input.lexicon = &default_translation_lexicon();
  return input;
}

std::string categorize(const Document& document, const CategoryModel& model) {
  return std::string(category_name(model.predict(category_text(document))));
}

std::string categorize(const Document& document) { return categorize(document, default_category_model()); }

}  // namespace storyline::label
