#pragma once
// Names of places, organizations and people known before reading any text: the countries and
// regions ICU knows in English (CLDR), and the capitalized instance names of WordNet 3.0's
// location, group and person files (Debian's wordnet-base, read from /usr/share/wordnet). No
// pretrained NER model can be had here; these lists are what is available offline.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace storyline::label {

// kNationality: demonyms and other proper adjectives ("Afghan", "Turkish"): named, but not a place.
enum class NameType { kPerson, kOrganization, kNationality, kLocation };  // in order of precedence

const char* name_type_label(NameType type);  // "person", "organization", "location", "other"

class Gazetteer {
 public:
  // The shared instance, loaded once on first use (thread-safe). Missing WordNet data only means
  // fewer names: ICU's countries are always there.
  static const Gazetteer& instance();

  // Case-sensitive lookup of a name as written ("Kabul", "United States", "Taliban").
  std::optional<NameType> lookup(std::string_view name) const;
  // A given name: the first word of two or more people's names in WordNet ("Vladimir", "Anna").
  bool is_given_name(std::string_view word) const;
  size_t size() const;

  struct Data;
  explicit Gazetteer(const std::string& wordnet_folder);
  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

 private:
  std::unique_ptr<Data> data_;
};

}  // namespace storyline::label
