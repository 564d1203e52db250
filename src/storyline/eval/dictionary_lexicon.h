#pragma once
// Word translations into English from the bilingual dictionaries Debian ships for dictd (FreeDict,
// Ding's German-English, Mueller's English-Russian). The sentence-aligned lexicon
// (lexicon_training.h) knows only the few hundred words per language that FLORES' 2,000 sentences
// repeat; a dictionary knows the tens of thousands a news page may use ("Bundesliga" aside, German
// "Tor", "Wahl", "Aktie"). Pairs the sentences taught win; the dictionaries fill the rest.
//
// The dictd format is an index (headword TAB base64 offset TAB base64 length) over a gzip file of
// entry texts. No Debian package reads it as a library (libmaa/dictd are a server and its client),
// and the index is three fields a line, so it is read here.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storyline/label/translation_lexicon.h"

namespace storyline::eval {

struct DictionaryEntry {
  std::string text;  // the entry as the dictionary writes it: its headword line, then the body
};

// Every entry of the dictd dictionary `<path>.index` + `<path>.dict.dz` (or `.dict`), once each,
// in index order; the database's own "00-database-..." entries are left out. Throws
// std::runtime_error naming the file and line that cannot be read.
std::vector<DictionaryEntry> read_dictd(const std::string& path);

// Which side of a dictionary is English.
enum class EnglishSide { kBody, kHeadword };

// The translations one dictionary gives for `language` (ISO 639-1): a word of the language whose
// headword (or, English-headed, whose translation) is one Analyzer term, paired with the English
// translation that is one term. A term listed under several entries keeps the English term of the
// highest score: its weight over the entries' senses (a sense's first translation weighs 1, the
// next 1/2, 1/3...) times log(2 + how common the English term is in `english_counts`). Without the
// counts, Russian "банк" would be "banking-house" (its only translation) rather than "bank" (one
// sense among many). Of equal scores the alphabetically first wins. `sentences` is 0: the pair
// rests on a dictionary, not on sentences.
using EnglishCounts = std::unordered_map<std::string, unsigned>;
std::vector<label::Translation> dictionary_translations(const std::vector<DictionaryEntry>& entries,
                                                        const std::string& language, EnglishSide english,
                                                        const EnglishCounts& english_counts);

// How often each English term (Analyzer term of a lemma) is tagged in WordNet's sense-tagged
// corpus, from its `cntlist.rev` (Debian's wordnet-base). Throws std::runtime_error naming the file.
EnglishCounts wordnet_term_counts(const std::string& cntlist_path);

// The candidate translations an entry's body lists, a list per sense (line) in order, cleaned of
// the dictionaries' markup: grammar and field labels ({m}, [biol.], <n>, _v., _разг.),
// pronunciations, notes in parentheses, sense numbers (1), 2., а)), and "see:"/"Synonyms:" lines.
// Exposed for tests.
std::vector<std::vector<std::string>> listed_translations(std::string_view body);

// The headword an entry's first line names, without pronunciation or grammar labels.
std::string entry_headword(std::string_view entry_text);

// `learned` (from sentences) and every dictionary pair for a term `learned` lacks.
label::TranslationLexicon merge_translations(std::vector<label::Translation> learned,
                                             const std::vector<label::Translation>& from_dictionaries);

}  // namespace storyline::eval
