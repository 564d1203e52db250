#include "storyline/label/translation_lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "storyline/label/categorize.h"
#include "storyline/label/category_features.h"
#include "storyline/label/category_model.h"

using namespace storyline::label;

namespace {

constexpr uint32_t kBits = 18;

bool has_bucket(const FeatureVector& features, uint32_t bucket) {
  return std::any_of(features.begin(), features.end(), [&](const Feature& f) { return f.bucket == bucket; });
}

}  // namespace

TEST(TranslationLexicon, SerializesSortedAndReadsBack) {
  const TranslationLexicon lexicon({{"ru", "правительств", "govern", 7}, {"de", "regier", "govern", 9}});
  const std::string text = lexicon.serialize();
  EXPECT_LT(text.find("de\tregier\tgovern\t9"), text.find("ru\tправительств\tgovern\t7"));
  const TranslationLexicon back = TranslationLexicon::deserialize(text, "lexicon.tsv");
  EXPECT_EQ(back.serialize(), text);
  ASSERT_NE(back.english("de", "regier"), nullptr);
  EXPECT_EQ(*back.english("de", "regier"), "govern");
  EXPECT_EQ(back.english("en", "regier"), nullptr);  // the language is part of the key
  EXPECT_EQ(back.english("de", "govern"), nullptr);
}

TEST(TranslationLexicon, RepeatedTermKeepsOneAnswerWhateverTheOrder) {
  const TranslationLexicon a({{"de", "spiel", "game", 9}, {"de", "spiel", "play", 3}});
  const TranslationLexicon b({{"de", "spiel", "play", 3}, {"de", "spiel", "game", 9}});
  EXPECT_EQ(a.size(), 1u);
  EXPECT_EQ(a.serialize(), b.serialize());
}

TEST(TranslationLexicon, BadLineNamesFileAndLine) {
  try {
    TranslationLexicon::deserialize("# header\nde\tregier\tgovern\t9\nde\tonly-two\n", "models/lexicon.tsv");
    FAIL() << "a line of two fields was accepted";
  } catch (const ModelError& error) {
    EXPECT_NE(std::string(error.what()).find("models/lexicon.tsv:3"), std::string::npos) << error.what();
  }
  EXPECT_THROW(TranslationLexicon::deserialize("de\tregier\tgovern\tmany\n", "x"), ModelError);
  EXPECT_THROW(TranslationLexicon::load("/nonexistent/lexicon.tsv"), ModelError);
}

TEST(TranslationLexicon, TranslatedWordSharesTheEnglishFeature) {
  const TranslationLexicon lexicon({{"de", "regier", "govern", 9}});
  const uint32_t english = category_features({"", "government", "en"}, kBits).front().bucket;
  const FeatureVector plain = category_features({"", "Regierung", "de"}, kBits);
  CategoryText translated{"", "Regierung", "de"};
  translated.lexicon = &lexicon;
  const FeatureVector with_lexicon = category_features(translated, kBits);
  EXPECT_FALSE(has_bucket(plain, english));
  EXPECT_TRUE(has_bucket(with_lexicon, english));
  EXPECT_TRUE(has_bucket(with_lexicon, plain.front().bucket));  // the German word still counts
  // English text is never translated, even by a lexicon that has the word.
  CategoryText english_text{"", "regier", "en"};
  english_text.lexicon = &lexicon;
  EXPECT_EQ(category_features(english_text, kBits).size(), category_features({"", "regier", "en"}, kBits).size());
}

TEST(TranslationLexicon, ShippedLexiconTranslatesCommonNewsWords) {
  const TranslationLexicon& lexicon = default_translation_lexicon();
  EXPECT_GT(lexicon.size(), 3000u);
  // Words every news language needs, checked by reading models/lexicon.tsv.
  const auto english = [&](const char* language, const char* term) {
    const std::string* found = lexicon.english(language, term);
    return found ? *found : std::string("(none)");
  };
  EXPECT_EQ(english("de", "regier"), "govern");
  EXPECT_EQ(english("de", "polizei"), "polic");
  EXPECT_EQ(english("fr", "gouvern"), "govern");
}

TEST(TranslationLexicon, ShippedLexiconHasTheDictionariesNewsWords) {
  const TranslationLexicon& lexicon = default_translation_lexicon();
  const auto english = [&](const char* language, const char* term) {
    const std::string* found = lexicon.english(language, term);
    return found ? *found : std::string("(none)");
  };
  // Words FLORES' sentences never repeat, from the dictionaries (checked by reading).
  EXPECT_EQ(english("de", "gericht"), "court");
  EXPECT_EQ(english("de", "krieg"), "war");
  EXPECT_EQ(english("ru", "банк"), "bank");
  EXPECT_EQ(english("ru", "нефт"), "oil");
  EXPECT_EQ(english("ru", "экономик"), "econom");
}

TEST(TranslationLexicon, PairsSentencesTaughtCanBeAskedForAlone) {
  const TranslationLexicon whole({{"de", "regier", "govern", 12}, {"de", "wahl", "elect", 0}, {"ru", "выбор", "elect", 0}});
  const auto taught = TranslationLexicon::deserialize(whole.serialize(), "test", TranslationLexicon::Evidence::kSentences);
  ASSERT_NE(whole.english("de", "wahl"), nullptr);
  EXPECT_EQ(*whole.english("de", "wahl"), "elect");
  EXPECT_EQ(taught.english("de", "wahl"), nullptr);
  ASSERT_NE(taught.english("de", "regier"), nullptr);
  EXPECT_NE(whole.english_target("elect"), nullptr);
  EXPECT_EQ(taught.english_target("elect"), nullptr);
  EXPECT_NE(taught.english_target("govern"), nullptr);
}

TEST(TranslationLexicon, ManyPairsAreAllFoundAndRoundTrip) {
  std::vector<Translation> pairs;
  for (int i = 0; i < 5000; ++i)
    pairs.push_back({i % 2 ? "de" : "ru", "term" + std::to_string(i), "english" + std::to_string(i % 700),
                     static_cast<unsigned>(i % 3)});
  const TranslationLexicon lexicon(pairs);
  ASSERT_EQ(lexicon.size(), pairs.size());
  for (const Translation& pair : pairs) {
    const std::string* found = lexicon.english(pair.language, pair.term);
    ASSERT_NE(found, nullptr) << pair.term;
    EXPECT_EQ(*found, pair.english);
  }
  EXPECT_EQ(lexicon.english("de", "term0"), nullptr);  // term0 is Russian
  EXPECT_EQ(lexicon.english("de", "term5001"), nullptr);
  const TranslationLexicon again = TranslationLexicon::deserialize(lexicon.serialize(), "round trip");
  EXPECT_EQ(again.serialize(), lexicon.serialize());
}

TEST(TranslationLexicon, LoadingOnlyThePairsSentencesTaught) {
  const TranslationLexicon whole({{"de", "regier", "govern", 12}, {"de", "wahl", "elect", 0}});
  const auto taught = TranslationLexicon::deserialize(whole.serialize(), "test", TranslationLexicon::Evidence::kSentences);
  EXPECT_EQ(taught.size(), 1u);
  EXPECT_NE(taught.english("de", "regier"), nullptr);
  EXPECT_EQ(taught.english("de", "wahl"), nullptr);
  EXPECT_EQ(sentence_translation_lexicon().size(), 9837u);  // the shipped file's sentence pairs
}

TEST(TranslationLexicon, UkrainianWordsAreReadAsTheRussianStemsTheySpell) {
  const TranslationLexicon lexicon({{"ru", "выбор", "elect", 40},
                                    {"ru", "экономик", "econom", 12},
                                    {"ru", "хлеб", "bread", 3},
                                    {"ru", "килък", "sprat", 0},  // a dictionary's short stem
                                    {"uk", "рік", "year", 9}});
  const auto russian = [&](const char* term) {
    const std::string_view found = lexicon.kindred_term("uk", term).term;
    return found.empty() ? std::string("(none)") : std::string(found);
  };
  EXPECT_EQ(russian("виборів"), "выбор");  // the ending -ів is the rest of the word
  EXPECT_EQ(russian("економіки"), "экономик");
  EXPECT_EQ(russian("виборчий"), "выбор");
  EXPECT_EQ(russian("виборчості"), "(none)");  // more than a short ending beyond the stem
  EXPECT_EQ(russian("хліб"), "(none)");        // too short to be read as another language's word
  EXPECT_EQ(russian("кілька"), "(none)");
  EXPECT_EQ(lexicon.kindred_term("ru", "выборы").term, "");   // Russian is read as it is
  EXPECT_EQ(lexicon.kindred_term("de", "виборів").term, "");  // only the listed pair of languages
  EXPECT_EQ(lexicon.english("uk", "виборів"), nullptr);       // english() answers only listed pairs
  ASSERT_NE(lexicon.english("uk", "рік"), nullptr);
  EXPECT_EQ(*lexicon.english("uk", "рік"), "year");
}

TEST(TranslationLexicon, UkrainianWordAlsoCountsAsTheRussianWord) {
  const TranslationLexicon lexicon({{"ru", "выбор", "elect", 40}});
  const uint32_t russian = category_features({"", "выбор", "ru"}, kBits).front().bucket;
  CategoryText ukrainian{"", "виборів", "uk"};
  EXPECT_FALSE(has_bucket(category_features(ukrainian, kBits), russian));
  ukrainian.lexicon = &lexicon;
  const FeatureVector read = category_features(ukrainian, kBits);
  EXPECT_TRUE(has_bucket(read, russian));
  // and the Russian word's English term, as a Russian text would have it
  const uint32_t english = category_features({"", "elect", "en"}, kBits).front().bucket;
  EXPECT_TRUE(has_bucket(read, english));
}

TEST(TranslationLexicon, RememberedUkrainianAnswersBelongToTheirLexicon) {
  // Answers are remembered per thread; a later lexicon (perhaps at the same address) has its own.
  for (int round = 0; round < 2; ++round) {
    const auto with = std::make_unique<TranslationLexicon>(std::vector<Translation>{{"ru", "выбор", "elect", 40}});
    EXPECT_EQ(with->kindred_term("uk", "виборів").term, "выбор");
    const auto remembered = with->kindred_term("uk", "виборів");  // the remembered answer
    EXPECT_EQ(remembered.term, "выбор");
    ASSERT_NE(remembered.english, nullptr);
    EXPECT_EQ(*remembered.english, "elect");
  }
  const auto without = std::make_unique<TranslationLexicon>(std::vector<Translation>{{"ru", "экономик", "econom", 12}});
  EXPECT_EQ(without->kindred_term("uk", "виборів").term, "");
  EXPECT_EQ(without->kindred_term("uk", "економіки").term, "экономик");
}
