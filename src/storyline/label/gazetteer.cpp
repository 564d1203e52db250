#include "storyline/label/gazetteer.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <cctype>
#include <fstream>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace storyline::label {

struct Gazetteer::Data {
  std::unordered_map<std::string, NameType> names;
  std::unordered_set<std::string> given_names;
};

namespace {

constexpr const char* kWordNetFolder = "/usr/share/wordnet";

// WordNet lexicographer files: 14 noun.group, 15 noun.location, 18 noun.person.
std::optional<NameType> type_of_lexicographer_file(int file) {
  switch (file) {
    case 14: return NameType::kOrganization;
    case 15: return NameType::kLocation;
    case 18: return NameType::kPerson;
    default: return std::nullopt;
  }
}

// Calls visit(lexicographer_file, is_instance, word) for each capitalized word of each synset of
// a WordNet data file ("offset lex_filenum ss_type w_cnt word lex_id [word lex_id ...] ...").
template <typename Visit>
void for_each_capitalized_word(const std::string& path, Visit visit) {
  std::ifstream file(path);
  std::string line;
  while (std::getline(file, line)) {
    if (line.empty() || line[0] == ' ') continue;  // the licence header lines start with spaces
    const size_t f1 = line.find(' ');
    const size_t f2 = line.find(' ', f1 + 1);
    const size_t f3 = line.find(' ', f2 + 1);
    const size_t f4 = line.find(' ', f3 + 1);
    if (f4 == std::string::npos) continue;
    const int lexicographer_file = std::atoi(line.c_str() + f1 + 1);
    const bool is_instance = line.find(" @i ") != std::string::npos;
    const int count = static_cast<int>(std::strtol(line.c_str() + f3 + 1, nullptr, 16));
    size_t pos = f4 + 1;
    for (int i = 0; i < count; ++i) {
      const size_t word_end = line.find(' ', pos);
      const size_t id_end = word_end == std::string::npos ? std::string::npos : line.find(' ', word_end + 1);
      if (id_end == std::string::npos) break;
      std::string word = line.substr(pos, word_end - pos);
      pos = id_end + 1;
      if (word.empty() || !std::isupper(static_cast<unsigned char>(word[0]))) continue;
      if (const size_t paren = word.find('('); paren != std::string::npos) word.resize(paren);
      for (char& c : word)
        if (c == '_') c = ' ';
      visit(lexicographer_file, is_instance, word);
    }
  }
}

// First words of people's names (instances of noun.person with two words or more) that open two
// names or more: given names ("Vladimir Nabokov", "Vladimir Lenin"), not a one-off title.
void add_given_names(const std::string& folder, std::unordered_set<std::string>& given_names) {
  std::unordered_map<std::string, int> first_words;
  for_each_capitalized_word(folder + "/data.noun", [&](int lexicographer_file, bool is_instance, const std::string& word) {
    const size_t space = word.find(' ');
    if (lexicographer_file != 18 || !is_instance || space == std::string::npos || space < 3) return;
    const std::string first = word.substr(0, space);
    if (first.find('.') == std::string::npos) ++first_words[first];
  });
  for (const auto& [word, count] : first_words)
    if (count >= 2) given_names.insert(word);
}

void add_wordnet_names(const std::string& folder, std::unordered_map<std::string, NameType>& names) {
  for_each_capitalized_word(folder + "/data.noun", [&](int lexicographer_file, bool is_instance, const std::string& word) {
    auto type = type_of_lexicographer_file(lexicographer_file);
    if (!type) return;
    // Capitalized person nouns that are not instances are peoples and faiths ("Afghan", "Muslim").
    if (*type == NameType::kPerson && !is_instance) type = NameType::kNationality;
    else if (*type == NameType::kLocation && !is_instance) return;
    // A name in several files keeps the most concrete reading: a place ("Washington" is also the
    // government and a person), then a nationality, then an organization, then a person.
    auto [entry, inserted] = names.emplace(word, *type);
    if (!inserted && static_cast<int>(*type) > static_cast<int>(entry->second)) entry->second = *type;
  });
  // Capitalized adjectives ("Afghan", "Turkish", "Qatari") are nationalities.
  for_each_capitalized_word(folder + "/data.adj", [&](int, bool, const std::string& word) {
    if (word.find(' ') == std::string::npos) names.emplace(word, NameType::kNationality);
  });
}

void add_icu_regions(std::unordered_map<std::string, NameType>& names) {
  for (const char* const* code = icu::Locale::getISOCountries(); *code; ++code) {
    icu::UnicodeString display;
    icu::Locale("", *code).getDisplayCountry(icu::Locale::getEnglish(), display);
    std::string name;
    display.toUTF8String(name);
    if (!name.empty() && name != *code) names.insert_or_assign(name, NameType::kLocation);
  }
  // Short forms news writes that CLDR names differently.
  for (const char* name :
       {"U.S.",    "US",      "USA",      "America",         "Britain", "UK",   "U.K.",   "Turkey",      "Russia",
        "Iran",    "Syria",   "Gaza",     "West Bank",       "Europe",  "Asia", "Africa", "Middle East", "Kosovo",
        "Türkiye", "Czechia", "Eswatini", "North Macedonia", "Myanmar"})
    names.insert_or_assign(name, NameType::kLocation);
}

}  // namespace

const char* name_type_label(NameType type) {
  switch (type) {
    case NameType::kPerson: return "person";
    case NameType::kOrganization: return "organization";
    case NameType::kLocation: return "location";
    case NameType::kNationality: return "other";
  }
  return "other";
}

Gazetteer::Gazetteer(const std::string& wordnet_folder) : data_(std::make_unique<Data>()) {
  add_wordnet_names(wordnet_folder, data_->names);
  add_given_names(wordnet_folder, data_->given_names);
  add_icu_regions(data_->names);  // CLDR's current names win over WordNet's 2006 ones
}

Gazetteer::~Gazetteer() = default;

const Gazetteer& Gazetteer::instance() {
  static const Gazetteer kInstance(kWordNetFolder);
  return kInstance;
}

std::optional<NameType> Gazetteer::lookup(std::string_view name) const {
  const auto found = data_->names.find(std::string(name));
  if (found == data_->names.end()) return std::nullopt;
  return found->second;
}

bool Gazetteer::is_given_name(std::string_view word) const { return data_->given_names.count(std::string(word)) > 0; }

size_t Gazetteer::size() const { return data_->names.size(); }

}  // namespace storyline::label
