#include "storyline/eval/shipped_lexicon.h"

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <set>
#include <stdexcept>

#include "storyline/eval/dictionary_lexicon.h"
#include "storyline/eval/lexicon_training.h"

namespace storyline::eval {
namespace {

namespace fs = std::filesystem;

struct DictionaryFile {
  const char* language;
  const char* name;
  EnglishSide english;
};

// For a language, the first dictionary that lists a word gives its translation. Ding's
// German-English (dict-de-en) is the source FreeDict's German grew from; Mueller's English-Russian
// (mueller7-dict) is read backwards, Debian having no Russian-English dictionary of its size.
constexpr DictionaryFile kDictionaries[] = {
    {"de", "german-english", EnglishSide::kBody},   {"de", "freedict-deu-eng", EnglishSide::kBody},
    {"ru", "mueller7", EnglishSide::kHeadword},     {"ru", "freedict-eng-rus", EnglishSide::kHeadword},
    {"fr", "freedict-fra-eng", EnglishSide::kBody}, {"es", "freedict-spa-eng", EnglishSide::kBody},
    {"it", "freedict-ita-eng", EnglishSide::kBody}, {"pt", "freedict-por-eng", EnglishSide::kBody},
    {"ar", "freedict-ara-eng", EnglishSide::kBody}, {"pl", "freedict-pol-eng", EnglishSide::kBody},
    {"tr", "freedict-tur-eng", EnglishSide::kBody}, {"ja", "freedict-jpn-eng", EnglishSide::kBody},
};

}  // namespace

std::vector<std::string> lexicon_dictionary_names() {
  std::vector<std::string> names;
  for (const DictionaryFile& dictionary : kDictionaries) names.emplace_back(dictionary.name);
  return names;
}

label::TranslationLexicon train_shipped_lexicon(const LexiconSources& sources, std::vector<DictionaryReport>* report) {
  // A missing dictionary is named before the sentences' seconds of training, not after.
  if (sources.use_dictionaries)
    for (const DictionaryFile& dictionary : kDictionaries) {
      const std::string index = (fs::path(sources.dictionaries) / dictionary.name).string() + ".index";
      if (!fs::exists(index))
        throw std::runtime_error(index + " is missing: install the dictionaries with scripts/setup-debian.sh");
    }
  // SIB-200's test split stays out, so that `eval categories` can score it as never seen.
  const auto sentences = load_sib200_parallel((fs::path(sources.data) / "categories" / "sib200").string(), {"train", "dev"});
  label::TranslationLexicon learned = train_translation_lexicon(sentences);
  if (!sources.use_dictionaries) return learned;

  const EnglishCounts counts = wordnet_term_counts((fs::path(sources.wordnet) / "cntlist.rev").string());
  // A dictionary pair may not lead to a general English word either (LexiconOptions).
  const std::set<std::string> general = general_english_terms(sentences, LexiconOptions{}.max_english_share);
  std::vector<label::Translation> from_dictionaries;
  for (const DictionaryFile& dictionary : kDictionaries) {
    const auto entries = read_dictd((fs::path(sources.dictionaries) / dictionary.name).string());
    auto translations = dictionary_translations(entries, dictionary.language, dictionary.english, counts);
    std::erase_if(translations, [&](const label::Translation& t) { return general.count(t.english) > 0; });
    if (report) report->push_back({dictionary.name, dictionary.language, entries.size(), translations.size()});
    from_dictionaries.insert(from_dictionaries.end(), std::make_move_iterator(translations.begin()),
                             std::make_move_iterator(translations.end()));
  }
  return merge_translations(learned.translations(), from_dictionaries);
}

}  // namespace storyline::eval
