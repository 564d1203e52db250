#pragma once
// The shipped translation lexicon (models/lexicon.tsv), as `storyline train lexicon` makes it and
// its test checks it: the pairs SIB-200's sentences teach (lexicon_training.h), then the Debian
// dictionaries' pairs for the words they do not (dictionary_lexicon.h).
#include <string>
#include <vector>

#include "storyline/label/translation_lexicon.h"

namespace storyline::eval {

struct LexiconSources {
  std::string data = "../shared/data";            // SIB-200 under categories/sib200
  std::string dictionaries = "/usr/share/dictd";  // scripts/setup-debian.sh installs them
  std::string wordnet = "/usr/share/wordnet";     // cntlist.rev ranks equal English translations
  bool use_dictionaries = true;
};

struct DictionaryReport {
  std::string name;
  std::string language;
  size_t entries = 0;
  size_t translations = 0;  // before the sentences' pairs take precedence
};

// The dictd dictionaries the lexicon reads (`<dictionaries>/<name>.index`), in order of trust.
std::vector<std::string> lexicon_dictionary_names();

// Throws std::runtime_error naming what is missing or unreadable (a dictionary: install it with
// scripts/setup-debian.sh). `report`, when given, gets a line per dictionary read.
label::TranslationLexicon train_shipped_lexicon(const LexiconSources& sources,
                                                std::vector<DictionaryReport>* report = nullptr);

}  // namespace storyline::eval
