#include "storyline/pipeline/story_analysis.h"

#include "storyline/label/categorize.h"

namespace storyline::pipeline {

cluster::AnalysisOptions story_analysis_options() {
  cluster::AnalysisOptions options;
  // Only the pairs sentences taught (see TranslationLexicon::Evidence). The lexicon loads on the
  // first word to translate, not before: a run that translates nothing never reads it.
  constexpr auto kEvidence = label::TranslationLexicon::Evidence::kSentences;
  options.translate = [](std::string_view language, std::string_view term) -> const std::string* {
    const label::TranslationLexicon& lexicon = label::default_translation_lexicon();
    return language == "en" ? lexicon.english_target(term, kEvidence) : lexicon.english(language, term, kEvidence);
  };
  return options;
}

}  // namespace storyline::pipeline
