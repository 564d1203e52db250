#include "storyline/pipeline/story_analysis.h"

#include <gtest/gtest.h>

#include <set>

using namespace storyline;

namespace {

std::set<std::string> concepts_of(const cluster::AnalyzedDocument& analyzed, const cluster::Vocabulary& vocabulary) {
  std::set<std::string> concepts;
  for (const auto& entry : analyzed.concepts) concepts.insert(vocabulary.term(entry.term));
  return concepts;
}

Document make(const std::string& language, const std::string& title, const std::string& text) {
  Document document;
  document.id = language;
  document.language = language;
  document.title = title;
  document.text = text;
  return document;
}

}  // namespace

// Ingest's analysis reads words of other languages through the shipped lexicon: a German and an
// English report that share no word and no name still share English terms.
TEST(StoryAnalysis, ReportsInTwoLanguagesShareTranslatedWords) {
  cluster::Vocabulary vocabulary;
  cluster::DocumentAnalyzer analyzer(vocabulary, pipeline::story_analysis_options());
  const auto german =
      concepts_of(analyzer.analyze(make("de", "Explosion am Flughafen",
                                        "Nach der Explosion am Flughafen meldet das Krankenhaus Verletzte. Der Gouverneur "
                                        "spricht von einem Angriff an der Grenze.")),
                  vocabulary);
  const auto english = concepts_of(
      analyzer.analyze(make("en", "Explosion at the airport",
                            "After the explosion at the airport the hospital reports injured people. The governor "
                            "speaks of an attack at the border.")),
      vocabulary);
  std::set<std::string> shared;
  for (const auto& term : german)
    if (english.contains(term)) shared.insert(term);
  EXPECT_GE(shared.size(), 4u) << "explosion, airport, hospital, governor, attack, border";
  EXPECT_TRUE(shared.contains(std::string(cluster::kConceptPrefix) + "airport"));

  cluster::DocumentAnalyzer without(vocabulary);  // the cluster stage alone knows no lexicon
  EXPECT_TRUE(
      concepts_of(without.analyze(make("de", "Explosion am Flughafen", "Explosion am Flughafen.")), vocabulary).empty());
}
