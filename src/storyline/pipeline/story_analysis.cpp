#include "storyline/pipeline/story_analysis.h"

#include "storyline/label/categorize.h"

namespace storyline::pipeline {

cluster::AnalysisOptions story_analysis_options() {
  cluster::AnalysisOptions options;
  // Only the pairs sentences taught (see TranslationLexicon::Evidence), loaded on the first word
  // to translate.
  options.translate = [](std::string_view language, std::string_view term) -> const std::string* {
    const label::TranslationLexicon& lexicon = label::sentence_translation_lexicon();
    return language == "en" ? lexicon.english_target(term) : lexicon.english(language, term);
  };
  return options;
}

}  // namespace storyline::pipeline
