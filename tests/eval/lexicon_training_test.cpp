#include "storyline/eval/lexicon_training.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <filesystem>
#include <stdexcept>

#include "storyline/eval/shipped_lexicon.h"
#include "test_paths.h"

using namespace storyline;

namespace {

// German and English sentences where each noun appears with its translation and different
// company: Model 1 can only explain them by pairing Hund-dog, Katze-cat, Haus-house.
std::vector<eval::ParallelSentence> toy_corpus() {
  return {
      {"de", "Hund Katze", "dog cat"},     {"de", "Hund Haus", "dog house"},     {"de", "Katze Haus", "cat house"},
      {"de", "Hund Garten", "dog garden"}, {"de", "Katze Garten", "cat garden"}, {"de", "Haus Garten", "house garden"},
      {"en", "ignored", "ignored"},
  };
}

// The toy's words are each in half its sentences: no cap on general words.
eval::LexiconOptions uncapped() {
  eval::LexiconOptions options;
  options.max_english_share = 1.0;
  return options;
}

}  // namespace

TEST(LexiconTraining, PairsWordsWithTheirTranslations) {
  const label::TranslationLexicon lexicon = eval::train_translation_lexicon(toy_corpus(), uncapped());
  ASSERT_NE(lexicon.english("de", "hund"), nullptr);
  EXPECT_EQ(*lexicon.english("de", "hund"), "dog");
  ASSERT_NE(lexicon.english("de", "katz"), nullptr);
  EXPECT_EQ(*lexicon.english("de", "katz"), "cat");
  ASSERT_NE(lexicon.english("de", "haus"), nullptr);
  EXPECT_EQ(*lexicon.english("de", "haus"), "hous");
  EXPECT_EQ(lexicon.english("en", "ignor"), nullptr);
}

TEST(LexiconTraining, WordsSeenOnceAreLeftOut) {
  auto corpus = toy_corpus();
  corpus.push_back({"de", "Vogel", "bird"});
  const label::TranslationLexicon lexicon = eval::train_translation_lexicon(corpus, uncapped());
  EXPECT_NE(lexicon.english("de", "hund"), nullptr);
  EXPECT_EQ(lexicon.english("de", "vogel"), nullptr);
}

TEST(LexiconTraining, GeneralEnglishWordsAreLeftOut) {
  // "dog" is in 3 of 6 sentences: over a 40 % cap, under a 60 % one.
  eval::LexiconOptions options;
  options.max_english_share = 0.4;
  EXPECT_EQ(eval::train_translation_lexicon(toy_corpus(), options).english("de", "hund"), nullptr);
  options.max_english_share = 0.6;
  EXPECT_NE(eval::train_translation_lexicon(toy_corpus(), options).english("de", "hund"), nullptr);
}

TEST(LexiconTraining, SameSentencesSameBytes) {
  const std::string first = eval::train_translation_lexicon(toy_corpus(), uncapped()).serialize();
  EXPECT_NE(first.find("de\thund\tdog"), std::string::npos);
  EXPECT_EQ(first, eval::train_translation_lexicon(toy_corpus(), uncapped()).serialize());
}

TEST(LexiconTraining, ShippedLexiconIsWhatTrainingMakes) {
  STORYLINE_REQUIRE_SHARED(shared);
  eval::LexiconSources sources;
  sources.data = shared + "/data";
  for (const std::string& name : eval::lexicon_dictionary_names())
    if (!std::filesystem::exists(sources.dictionaries + "/" + name + ".index"))
      GTEST_SKIP() << sources.dictionaries << "/" << name << ".index is missing: run scripts/setup-debian.sh";
  const label::TranslationLexicon trained = eval::train_shipped_lexicon(sources);
  const label::TranslationLexicon shipped = label::TranslationLexicon::load(storyline::testing::source_dir() +
                                                                            "/models/lexicon.tsv");
  EXPECT_GT(shipped.size(), 100000u);  // the dictionaries' words, not only the sentences'
  // Not EXPECT_EQ on the whole text: gtest's diff of two 5 MB strings takes gigabytes.
  const std::string made = trained.serialize(), kept = shipped.serialize();
  const auto [differs, _] = std::mismatch(made.begin(), made.end(), kept.begin(), kept.end());
  const size_t at = static_cast<size_t>(differs - made.begin());
  const size_t line_start = made.rfind('\n', at == 0 ? 0 : at - 1);
  EXPECT_TRUE(made == kept) << "models/lexicon.tsv is stale: run `storyline train lexicon`; first difference after: "
                            << made.substr(line_start == std::string::npos ? 0 : line_start + 1, 120);
}

TEST(LexiconTraining, AMissingDictionaryIsNamedWithTheCommandThatInstallsIt) {
  eval::LexiconSources sources;
  sources.data = "/no/such/data";  // named first: nothing is read before the dictionaries are found
  sources.dictionaries = "/no/such/dictd";
  try {
    eval::train_shipped_lexicon(sources);
    FAIL() << "trained without its dictionaries";
  } catch (const std::runtime_error& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("/no/such/dictd/german-english.index"), std::string::npos) << message;
    EXPECT_NE(message.find("scripts/setup-debian.sh"), std::string::npos) << message;
  }
}
