#include "storyline/pipeline/story_analysis.h"

#include "storyline/label/categorize.h"

namespace storyline::pipeline {

cluster::AnalysisOptions story_analysis_options() {
  cluster::AnalysisOptions options;
  const label::TranslationLexicon& lexicon = label::default_translation_lexicon();
  options.translate = [&lexicon](std::string_view language, std::string_view term) -> const std::string* {
    return language == "en" ? lexicon.english_target(term) : lexicon.english(language, term);
  };
  return options;
}

}  // namespace storyline::pipeline
