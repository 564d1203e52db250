#include "storyline/label/kindred_spelling.h"

#include <map>
#include <stdexcept>
#include <unordered_map>

#include "storyline/core/table_rows.h"
#include "storyline/text/utf8.h"

namespace storyline::label {
namespace {

constexpr std::string_view kTable =
#include "storyline/label/kindred_spellings.tsv.inc"
    ;

struct KindredTable {
  std::map<std::string, std::string, std::less<>> reads_as;  // language -> kindred language
  // language -> letter -> what it may stand for ("" drops it)
  std::map<std::string, std::unordered_map<char32_t, std::vector<std::string>>, std::less<>> letters;
};

std::vector<std::string> split_classes(std::string_view list) {
  std::vector<std::string> classes;
  size_t start = 0;
  while (start <= list.size()) {
    const size_t comma = std::min(list.find(',', start), list.size());
    const std::string_view one = list.substr(start, comma - start);
    classes.emplace_back(one == "-" ? std::string_view() : one);
    start = comma + 1;
  }
  return classes;
}

// The table is compiled in, so a malformed row is a programming error, reported with its line
// number (a unit test loads it).
KindredTable parse_table(std::string_view data) {
  KindredTable table;
  for_each_table_row(data, [&](size_t line, const TableRow& fields) {
    const std::string where = "kindred_spellings.tsv:" + std::to_string(line) + ": ";
    if (fields.size() < 3) throw std::logic_error(where + "expected at least three tab-separated fields");
    if (fields[0] == "reads-as") {
      table.reads_as.emplace(std::string(fields[1]), std::string(fields[2]));
    } else if (fields[0] == "letter") {
      size_t pos = 0;
      const char32_t letter = text::next_code_point(fields[2], pos);
      if (pos != fields[2].size() || fields.size() < 4 || fields[3].empty())
        throw std::logic_error(where + "a letter row is: letter, language, one letter, its classes");
      if (!table.letters[std::string(fields[1])].emplace(letter, split_classes(fields[3])).second)
        throw std::logic_error(where + "letter listed twice");
    } else {
      throw std::logic_error(where + "unknown row kind '" + std::string(fields[0]) + "'");
    }
  });
  return table;
}

const KindredTable& table() {
  static const KindredTable parsed = parse_table(kTable);
  return parsed;
}

}  // namespace

std::string_view kindred_language(std::string_view language) {
  const auto found = table().reads_as.find(language);
  return found == table().reads_as.end() ? std::string_view() : std::string_view(found->second);
}

bool is_kindred_target(std::string_view language) {
  for (const auto& [source, target] : table().reads_as)
    if (target == language) return true;
  return false;
}

std::vector<std::string> spelling_skeletons(std::string_view language, std::string_view folded_word) {
  static const std::unordered_map<char32_t, std::vector<std::string>> kNoLetters;
  const auto by_language = table().letters.find(language);
  const auto& letters = by_language == table().letters.end() ? kNoLetters : by_language->second;
  // Each letter's choices; a letter the table does not list has one, itself.
  std::vector<std::vector<std::string>> choices;
  for (size_t pos = 0; pos < folded_word.size();) {
    const char32_t letter = text::next_code_point(folded_word, pos);
    if (const auto found = letters.find(letter); found != letters.end()) {
      choices.push_back(found->second);
    } else {
      std::string itself;
      text::append_utf8(itself, letter);
      choices.push_back({std::move(itself)});
    }
  }
  // Every combination, the first choices first (an odometer whose last letter turns fastest).
  std::vector<std::string> skeletons;
  std::vector<size_t> picked(choices.size(), 0);
  while (skeletons.size() < kMaxSpellingSkeletons) {
    std::string skeleton;
    for (size_t i = 0; i < choices.size(); ++i) skeleton += choices[i][picked[i]];
    skeletons.push_back(std::move(skeleton));
    size_t i = choices.size();
    while (i > 0 && ++picked[i - 1] == choices[i - 1].size()) picked[--i] = 0;
    if (i == 0) break;
  }
  return skeletons;
}

}  // namespace storyline::label
