#include "storyline/eval/dictionary_lexicon.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "storyline/core/decompress.h"
#include "storyline/core/input_files.h"
#include "storyline/text/tokenize.h"

namespace storyline::eval {
namespace {

// dictd's numbers: base 64 digits, most significant first, in the MIME alphabet.
bool decode_base64_number(std::string_view digits, uint64_t& value) {
  static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  if (digits.empty() || digits.size() > 10) return false;
  value = 0;
  for (char digit : digits) {
    const size_t at = kAlphabet.find(digit);
    if (at == std::string_view::npos) return false;
    value = value * 64 + at;
  }
  return true;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "see:", "Synonyms:", "Note:" lines point elsewhere or comment; they translate nothing.
bool is_labelled_line(std::string_view line) {
  line = trim(line);
  size_t letters = 0;
  while (letters < line.size() && is_ascii_letter(line[letters])) ++letters;
  return letters > 0 && letters < line.size() && line[letters] == ':';
}

// A sense number or a label token: "1)", "2.", "а)", "_v.", "_разг.", "_I".
bool is_marker(std::string_view token) {
  if (token.empty()) return true;
  if (token.front() == '_') return true;
  if (token.back() == ')' || token.back() == '.') {
    std::string_view head = token.substr(0, token.size() - 1);
    if (!head.empty() && std::all_of(head.begin(), head.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
    // One letter (ASCII, or one two-byte UTF-8 letter such as Cyrillic "а") and a parenthesis.
    if (token.back() == ')' && (head.size() == 1 || (head.size() == 2 && (unsigned char)head[0] >= 0xc0))) return true;
  }
  return false;
}

// Drops bracketed spans (labels, pronunciations, notes) of every kind, nested or not.
std::string without_brackets(std::string_view text) {
  std::string kept;
  int depth = 0;
  for (char c : text) {
    if (c == '(' || c == '[' || c == '{' || c == '<') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}' || c == '>') {
      if (depth > 0) --depth;
      else kept.push_back(c);  // a sense number's "1)"
    } else if (depth == 0) {
      kept.push_back(c);
    }
  }
  return kept;
}

bool is_english_script(std::string_view text) {
  bool letter = false;
  for (char c : text) {
    if (is_ascii_letter(c)) letter = true;
    else if (c != ' ' && c != '-' && c != '\'') return false;
  }
  return letter;
}

bool has_ascii_letter(std::string_view text) { return std::any_of(text.begin(), text.end(), is_ascii_letter); }

// The one term `analyzer` makes of `phrase`, or "" when it makes none or several.
std::string single_term(text::Analyzer& analyzer, std::string_view phrase) {
  std::vector<std::string> terms = analyzer.terms(phrase);
  return terms.size() == 1 ? std::move(terms.front()) : std::string();
}

struct Candidate {
  double weight = 0;
  std::string english;
};

}  // namespace

std::vector<DictionaryEntry> read_dictd(const std::string& path) {
  const std::string index_path = path + ".index";
  const std::string index = read_file_bytes(index_path);
  std::string data;
  if (std::filesystem::exists(path + ".dict.dz")) {
    data = gunzip(read_file_bytes(path + ".dict.dz"), size_t{1} << 30);
  } else {
    data = read_file_bytes(path + ".dict");
  }
  std::vector<DictionaryEntry> entries;
  std::set<uint64_t> seen_offsets;  // several headwords may index one entry
  size_t line_number = 0, start = 0;
  while (start < index.size()) {
    size_t end = index.find('\n', start);
    if (end == std::string::npos) end = index.size();
    const std::string_view line(index.data() + start, end - start);
    start = end + 1;
    ++line_number;
    if (line.empty()) continue;
    const size_t first_tab = line.find('\t');
    const size_t second_tab = first_tab == std::string_view::npos ? first_tab : line.find('\t', first_tab + 1);
    uint64_t offset = 0, length = 0;
    if (second_tab == std::string_view::npos ||
        !decode_base64_number(line.substr(first_tab + 1, second_tab - first_tab - 1), offset) ||
        !decode_base64_number(trim(line.substr(second_tab + 1)), length) || offset + length > data.size())
      throw std::runtime_error(index_path + ":" + std::to_string(line_number) +
                               ": expected headword, offset and length (base 64) within the .dict file");
    const std::string_view headword = line.substr(0, first_tab);
    if (headword.substr(0, 11) == "00-database" || headword.substr(0, 10) == "00database") continue;
    if (!seen_offsets.insert(offset).second) continue;
    entries.push_back({data.substr(offset, length)});
  }
  return entries;
}

std::string entry_headword(std::string_view entry_text) {
  std::string_view line = entry_text.substr(0, entry_text.find('\n'));
  // FreeDict writes "word /pronunciation/ <grammar>"; Ding puts the grammar on the next line.
  const size_t slash = line.find(" /");
  if (slash != std::string_view::npos) line = line.substr(0, slash);
  return std::string(trim(without_brackets(line)));
}

std::vector<std::vector<std::string>> listed_translations(std::string_view body) {
  std::vector<std::vector<std::string>> senses;
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view line = body.substr(start, end - start);
    start = end + 1;
    if (is_labelled_line(line)) continue;
    std::vector<std::string> listed;
    std::string chunk;
    auto close_chunk = [&] {
      const std::string_view kept = trim(chunk);
      if (!kept.empty() && kept.front() != '=') listed.emplace_back(kept);  // "= brandnew": see another entry
      chunk.clear();
    };
    // Markers are whole tokens; separators end a translation.
    std::string token;
    auto close_token = [&] {
      if (!token.empty() && !is_marker(token)) {
        if (!chunk.empty()) chunk.push_back(' ');
        chunk += token;
      }
      token.clear();
    };
    for (char c : without_brackets(line)) {
      if (c == ';' || c == ',' || c == '/' || c == '|') {
        close_token();
        close_chunk();
      } else if (c == ' ' || c == '\t') {
        close_token();
      } else {
        token.push_back(c);
      }
    }
    close_token();
    close_chunk();
    if (!listed.empty()) senses.push_back(std::move(listed));
  }
  return senses;
}

std::vector<label::Translation> dictionary_translations(const std::vector<DictionaryEntry>& entries,
                                                        const std::string& language, EnglishSide english,
                                                        const EnglishCounts& english_counts) {
  text::Analyzer foreign_analyzer(language), english_analyzer("en");
  // term -> English term -> weight
  std::map<std::string, std::map<std::string, double>> weights;
  for (const DictionaryEntry& entry : entries) {
    const std::string headword = entry_headword(entry.text);
    const size_t line_end = entry.text.find('\n');
    if (headword.empty() || line_end == std::string::npos) continue;
    const auto senses = listed_translations(std::string_view(entry.text).substr(line_end + 1));
    if (english == EnglishSide::kBody) {
      const std::string term = single_term(foreign_analyzer, headword);
      if (term.empty()) continue;
      for (const auto& sense : senses) {
        size_t rank = 0;
        for (const std::string& translation : sense) {
          if (!is_english_script(translation)) continue;
          const std::string target = single_term(english_analyzer, translation);
          if (!target.empty()) weights[term][target] += 1.0 / double(1 + rank);
          ++rank;
        }
      }
    } else {
      if (!is_english_script(headword)) continue;
      const std::string target = single_term(english_analyzer, headword);
      if (target.empty()) continue;
      for (const auto& sense : senses) {
        size_t rank = 0;
        for (const std::string& translation : sense) {
          if (has_ascii_letter(translation)) continue;  // an English example, not a translation
          const std::string term = single_term(foreign_analyzer, translation);
          if (!term.empty()) weights[term][target] += 1.0 / double(1 + rank);
          ++rank;
        }
      }
    }
  }
  std::vector<label::Translation> translations;
  for (const auto& [term, targets] : weights) {
    const std::string* best = nullptr;
    double best_score = 0;
    for (const auto& [target, weight] : targets) {  // alphabetical: the first of equals stays
      const auto counted = english_counts.find(target);
      const double score = weight * std::log(2.0 + (counted == english_counts.end() ? 0 : counted->second));
      // Only a sense's first translation names the word: "Wendepunkt" is a "turning point", and
      // the "hinge" listed after it is a figure of speech.
      if (weight >= 1.0 && score > best_score * (1 + 1e-9)) best = &target, best_score = score;
    }
    if (best && *best != term) translations.push_back({language, term, *best, 0});
  }
  return translations;
}

EnglishCounts wordnet_term_counts(const std::string& cntlist_path) {
  const std::string text = read_file_bytes(cntlist_path);
  text::Analyzer analyzer("en");
  EnglishCounts counts;
  std::istringstream lines(text);
  std::string sense_key;
  unsigned sense_number = 0, count = 0;
  size_t line_number = 0;
  // "year%1:28:01:: 1 426": sense key (lemma%...), sense number, times tagged.
  while (lines >> sense_key) {
    ++line_number;
    if (!(lines >> sense_number >> count))
      throw std::runtime_error(cntlist_path + ":" + std::to_string(line_number) +
                               ": expected a sense key, a sense number and a count");
    const std::string lemma = sense_key.substr(0, sense_key.find('%'));
    if (lemma.find('_') != std::string::npos) continue;  // a phrase
    const std::string term = single_term(analyzer, lemma);
    if (!term.empty()) counts[term] += count;
  }
  return counts;
}

label::TranslationLexicon merge_translations(std::vector<label::Translation> learned,
                                             const std::vector<label::Translation>& from_dictionaries) {
  std::set<std::pair<std::string, std::string>> known;
  for (const auto& translation : learned) known.emplace(translation.language, translation.term);
  // The first dictionary listed for a language wins over the next (the caller orders them).
  for (const auto& translation : from_dictionaries)
    if (known.emplace(translation.language, translation.term).second) learned.push_back(translation);
  return label::TranslationLexicon(std::move(learned));
}

}  // namespace storyline::eval
