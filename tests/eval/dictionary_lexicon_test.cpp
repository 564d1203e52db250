#include "storyline/eval/dictionary_lexicon.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "storyline/text/tokenize.h"

using namespace storyline;

namespace {

// dictd's numbers: base 64, most significant digit first.
std::string base64_number(uint64_t value) {
  static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string digits;
  do {
    digits.insert(digits.begin(), kAlphabet[value % 64]);
    value /= 64;
  } while (value > 0);
  return digits;
}

// Writes `<folder>/<name>.index` and `.dict` holding `entries`, plus the database's own info entry.
std::string write_dictionary(const std::filesystem::path& folder, const std::string& name,
                             const std::vector<std::string>& entries) {
  std::filesystem::create_directories(folder);
  std::string data = "00-database-info\nA test dictionary.\n", index;
  index += "00-database-info\tA\t" + base64_number(data.size()) + "\n";
  for (const std::string& entry : entries) {
    const std::string headword = entry.substr(0, entry.find('\n'));
    index += headword + "\t" + base64_number(data.size()) + "\t" + base64_number(entry.size()) + "\n";
    data += entry;
  }
  std::ofstream(folder / (name + ".dict"), std::ios::binary) << data;
  std::ofstream(folder / (name + ".index"), std::ios::binary) << index;
  return (folder / name).string();
}

const label::Translation* find(const std::vector<label::Translation>& translations, const std::string& term) {
  for (const auto& translation : translations)
    if (translation.term == term) return &translation;
  return nullptr;
}

}  // namespace

TEST(DictionaryLexicon, ListsTranslationsWithoutTheDictionariesMarkup) {
  using Senses = std::vector<std::vector<std::string>>;
  // Ding: grammar and field labels on their own line, then the translations.
  EXPECT_EQ(eval::listed_translations(" {m} [biol.] [chem.]\n   degradation process; degradative process\n"),
            (Senses{{"degradation process", "degradative process"}}));
  // FreeDict: part-of-speech labels and a "see:" line pointing elsewhere.
  EXPECT_EQ(eval::listed_translations("debit order <n>\n see: {Abbuchungsaufträge}\n"), (Senses{{"debit order"}}));
  // Mueller: pronunciation, sense numbers, labels and an English example with its translation.
  EXPECT_EQ(eval::listed_translations("   [brɑ:s]\n   1. _n.\n      1) латунь, жёлтая медь; red brass томпак\n"
                                      "      6) _воен. _жарг. начальство\n"),
            (Senses{{"латунь", "жёлтая медь", "red brass томпак"}, {"начальство"}}));
}

TEST(DictionaryLexicon, NamesTheHeadwordWithoutPronunciation) {
  EXPECT_EQ(eval::entry_headword("Abbuchungsauftrag /ˈapbˌʊxʊŋs/ <masc, n, sg>\ndebit order <n>\n"), "Abbuchungsauftrag");
  EXPECT_EQ(eval::entry_headword("Regierung\n {f}\n   government\n"), "Regierung");
}

TEST(DictionaryLexicon, ReadsAGermanEnglishDictionary) {
  const auto folder = std::filesystem::temp_directory_path() / "storyline-dictionary-test-de";
  const std::string path = write_dictionary(folder, "german-english",
                                            {
                                                "Regierung\n {f} [pol.]\n   government; administration\n",
                                                "Regierungen\n {pl}\n   governments; administrations\n",
                                                "Wahl\n {f}\n   election; choice\n",
                                                "Abbauprozess\n {m}\n   degradation process\n",
                                            });
  const auto entries = eval::read_dictd(path);
  ASSERT_EQ(entries.size(), 4u);  // the database's own entry is left out
  const auto translations = eval::dictionary_translations(entries, "de", eval::EnglishSide::kBody, {});
  const auto* government = find(translations, "regier");
  ASSERT_NE(government, nullptr);
  EXPECT_EQ(government->english, "govern");
  EXPECT_EQ(government->sentences, 0u);
  ASSERT_NE(find(translations, "wahl"), nullptr);
  EXPECT_EQ(find(translations, "wahl")->english, "elect");
  EXPECT_EQ(find(translations, "abbauprozess"), nullptr);  // its only translation is two words
  std::filesystem::remove_all(folder);
}

TEST(DictionaryLexicon, ReadsAnEnglishRussianDictionaryBackwards) {
  const auto folder = std::filesystem::temp_directory_path() / "storyline-dictionary-test-ru";
  const std::string path = write_dictionary(folder, "mueller7",
                                            {
                                                "ballot\n   [ipa] _n. голосование\n",
                                                "vote\n   [ipa] _n.\n      1) голосование\n      2) голос\n",
                                                "government\n   _n.\n      1) правительство\n      2) управление\n",
                                                "cabinet\n   _n.\n      1) кабинет\n      2) правительство\n",
                                                "bank\n   _n.\n      1) берег\n      2) банк\n",
                                                "bankinghouse\n   _n. банк\n",
                                            });
  const auto entries = eval::read_dictd(path);
  // "голосование" is the first translation of both; the commoner English word wins.
  const auto translations = eval::dictionary_translations(entries, "ru", eval::EnglishSide::kHeadword,
                                                          {{"vote", 100}, {"ballot", 5}, {"govern", 60}, {"cabinet", 20}});
  text::Analyzer russian("ru");
  const std::string voting = russian.terms("голосование").at(0);
  ASSERT_NE(find(translations, voting), nullptr);
  EXPECT_EQ(find(translations, voting)->english, "vote");
  // A common word's second sense outweighs a rare word's first.
  const auto banking = eval::dictionary_translations(entries, "ru", eval::EnglishSide::kHeadword, {{"bank", 80}});
  const std::string bank = russian.terms("банк").at(0);
  ASSERT_NE(find(banking, bank), nullptr);
  EXPECT_EQ(find(banking, bank)->english, "bank");
  // Without counts, the alphabetically first.
  const auto uncounted = eval::dictionary_translations(entries, "ru", eval::EnglishSide::kHeadword, {});
  EXPECT_EQ(find(uncounted, voting)->english, "ballot");
  // "правительство" is the first translation of a sense of each; "govern" is the commoner.
  ASSERT_NE(find(translations, "правительств"), nullptr);
  EXPECT_EQ(find(translations, "правительств")->english, "govern");
  std::filesystem::remove_all(folder);
}

TEST(DictionaryLexicon, PairsLearnedFromSentencesWin) {
  const label::TranslationLexicon merged = eval::merge_translations({{"de", "wahl", "vote", 5}},
                                                                    {{"de", "wahl", "elect", 0},
                                                                     {"de", "regier", "govern", 0}});
  ASSERT_NE(merged.english("de", "wahl"), nullptr);
  EXPECT_EQ(*merged.english("de", "wahl"), "vote");
  ASSERT_NE(merged.english("de", "regier"), nullptr);
  EXPECT_EQ(*merged.english("de", "regier"), "govern");
}

TEST(DictionaryLexicon, AMalformedIndexNamesItsLine) {
  const auto folder = std::filesystem::temp_directory_path() / "storyline-dictionary-test-bad";
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "bad.dict", std::ios::binary) << "Wahl\nelection\n";
  std::ofstream(folder / "bad.index", std::ios::binary) << "Wahl\tA\tO\nKaputt\tA\n";
  try {
    eval::read_dictd((folder / "bad").string());
    FAIL() << "a malformed index was read";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("bad.index:2"), std::string::npos) << error.what();
  }
  std::filesystem::remove_all(folder);
}
