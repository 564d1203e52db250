#include "storyline/label/capitalized_names.h"

#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "storyline/label/categorize.h"  // translation_lexicon_if_shipped
#include "storyline/label/gazetteer.h"
#include "storyline/label/translation_lexicon.h"
#include "storyline/text/name_runs.h"
#include "storyline/text/tokenize.h"

namespace storyline::label {
namespace {

// Languages whose writing capitalises names and sentence openers only. Not German or
// Luxembourgish (every noun), nor scripts without capitals (Arabic, Persian, Hebrew, Chinese,
// Japanese, Korean, Hindi, Thai...). English has its own recognizer.
constexpr std::array<std::string_view, 34> kNameCapitalising = {"ru", "uk", "be", "bg", "sr", "mk", "es", "fr", "it",
                                                                "pt", "ca", "gl", "nl", "af", "pl", "cs", "sk", "sl",
                                                                "hr", "bs", "ro", "hu", "sv", "no", "nb", "da", "fi",
                                                                "et", "lv", "lt", "tr", "az", "id", "ms"};

std::string stems_of(text::Analyzer& analyzer, std::string_view folded_name) {
  std::string key;
  size_t start = 0;
  while (start <= folded_name.size()) {
    size_t end = folded_name.find(' ', start);
    if (end == std::string_view::npos) end = folded_name.size();
    if (!key.empty()) key += ' ';
    key += analyzer.stem(folded_name.substr(start, end - start));
    start = end + 1;
  }
  return key;
}

// Country names as ICU writes them in `language`, by stem key ("германия" and "германии" meet),
// with the name as ICU writes it (the nominative: "Германия").
const std::unordered_map<std::string, std::string>& country_keys(const std::string& language) {
  static std::mutex mutex;
  static std::map<std::string, std::unordered_map<std::string, std::string>> by_language;
  const std::lock_guard lock(mutex);
  if (const auto found = by_language.find(language); found != by_language.end()) return found->second;
  std::unordered_map<std::string, std::string> keys;
  text::Analyzer analyzer(language);
  const icu::Locale in_language(language.c_str());
  for (const char* const* code = icu::Locale::getISOCountries(); *code; ++code) {
    icu::UnicodeString display;
    icu::Locale("", *code).getDisplayCountry(in_language, display);
    std::string name;
    display.toUTF8String(name);
    if (name.empty() || name == *code) continue;
    std::string folded;
    for (const auto& word : text::split_words(name)) folded += (folded.empty() ? "" : " ") + text::fold_case(word.text);
    if (!folded.empty()) keys.emplace(stems_of(analyzer, folded), name);
  }
  return by_language.emplace(language, std::move(keys)).first->second;
}

// The first word in Latin letters ("Владимир" -> "Vladimir"), for the gazetteer's given names.
std::string latin_first_word(const std::string& written) {
  const std::string first = written.substr(0, written.find(' '));
  thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(made) : nullptr;
  }();
  if (!transliterator) return first;
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(first);
  transliterator->transliterate(unicode);
  std::string latin;
  unicode.toUTF8String(latin);
  return latin;
}

// ICU's name of the country `written` inflects, if any: the same stems, and the two differ only
// in an ending ("Германии" / "Германия", "Казахстане" / "Казахстан"), not in a longer tail
// ("Швецов", a surname, has the stem of "Швеция").
const std::string* country_of(const std::string& written, const std::string& key, const std::string& language) {
  const auto& countries = country_keys(language);
  const auto found = countries.find(key);
  if (found == countries.end()) return nullptr;
  const icu::UnicodeString as_written = icu::UnicodeString::fromUTF8(written);
  const icu::UnicodeString as_named = icu::UnicodeString::fromUTF8(found->second);
  int32_t common = 0;
  while (common < as_written.length() && common < as_named.length() &&
         u_foldCase(as_written.charAt(common), U_FOLD_CASE_DEFAULT) ==
             u_foldCase(as_named.charAt(common), U_FOLD_CASE_DEFAULT))
    ++common;
  if (as_named.length() - common > 1 || as_written.length() - common > 2) return nullptr;
  return &found->second;
}

// `is_country`: country_of found it.
std::string type_of(const std::string& written, bool is_country, size_t words) {
  const Gazetteer& gazetteer = Gazetteer::instance();
  if (const auto known = gazetteer.lookup(written)) return name_type_label(*known);
  if (is_country) return "location";
  // Two or three words opening with a given name: a person ("Emmanuel Macron" is not in WordNet,
  // "Emmanuel" is). Other runs of that length are as often products, firms and places.
  if ((words == 2 || words == 3) && gazetteer.is_given_name(latin_first_word(written))) return "person";
  return "other";
}

struct Candidate {
  std::map<std::string, int> forms;  // as written -> mentions
  int count = 0;
  size_t first_offset = 0;
  size_t words = 0;
};

}  // namespace

bool capitalises_only_names(std::string_view language) {
  return std::find(kNameCapitalising.begin(), kNameCapitalising.end(), language) != kNameCapitalising.end();
}

std::vector<EntityMention> capitalized_names(std::string_view text, std::string_view language) {
  const std::string lang(language);
  text::Analyzer& analyzer = text::thread_analyzer(lang);
  const auto words = text::split_words(text);
  // Words the text writes in lower case somewhere: a capitalised one of them opening a sentence
  // is a common word.
  std::unordered_set<std::string> lower_case;
  for (const auto& word : words) {
    std::string folded = text::fold_case(word.text);
    if (folded == word.text) lower_case.insert(std::move(folded));
  }
  const TranslationLexicon* lexicon = translation_lexicon_if_shipped();
  auto common_opener = [&](const std::string& folded) {
    if (lower_case.count(folded)) return true;
    return lexicon && lexicon->english(lang, analyzer.stem(folded)) != nullptr;
  };

  std::unordered_map<std::string, Candidate> candidates;  // by stem key
  for (const text::NameRun& run :
       text::find_name_runs(text, words, [&](std::string_view folded) { return analyzer.is_stop_word(folded); })) {
    size_t first = run.first_word;
    std::string folded = run.folded;
    if (run.opens_sentence && common_opener(text::fold_case(words[first].text))) {
      // "Новые ПДД": the opener is a common word; the name, if any, is what follows.
      ++first;
      const size_t space = folded.find(' ');
      folded = space == std::string::npos ? std::string() : folded.substr(space + 1);
    }
    if (first >= run.last_word || folded.empty()) continue;
    const size_t from = words[first].offset;
    const size_t to = words[run.last_word - 1].offset + words[run.last_word - 1].text.size();
    const std::string written(text.substr(from, to - from));
    const std::string key = stems_of(analyzer, folded);
    Candidate& candidate = candidates[key];
    if (candidate.count == 0) {
      candidate.first_offset = from;
      candidate.words = run.last_word - first;
    }
    ++candidate.count;
    ++candidate.forms[written];
  }

  std::vector<EntityMention> mentions;
  for (const auto& [key, candidate] : candidates) {
    // The most frequent form; on a tie the first in byte order, so the result does not depend on
    // the hash map's order.
    const auto form = std::max_element(candidate.forms.begin(), candidate.forms.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    // A country is written as ICU names it: "Чехия", not the "Чехии" of "сборная Чехии".
    const std::string* country = country_of(form->first, key, lang);
    mentions.push_back({country ? *country : form->first, type_of(form->first, country != nullptr, candidate.words),
                        candidate.count, candidate.first_offset});
  }
  std::sort(mentions.begin(), mentions.end(), [](const EntityMention& a, const EntityMention& b) {
    return a.count != b.count ? a.count > b.count : a.first_offset < b.first_offset;
  });
  return mentions;
}

}  // namespace storyline::label
