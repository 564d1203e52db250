#include "storyline/extract/boilerplate_phrases.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "storyline/core/phrase_automaton.h"
#include "storyline/core/table_rows.h"
#include "storyline/text/tokenize.h"

namespace storyline::extract {
namespace {

constexpr std::string_view kTable =
#include "storyline/extract/boilerplate_phrases.tsv.inc"
    ;

enum class Where {
  kWhole,    // the paragraph without the dashes, colons, bullets and spaces around it
  kStart,    // at its start, after any leading spaces, full stops, commas and semicolons
  kEnd,      // at its very end
  kNearEnd,  // within its last kNearEndBytes bytes
  kAnywhere,
};
constexpr size_t kNearEndBytes = 30;
constexpr std::string_view kAroundWhole = " -:|\xC2\xBB\xE2\x80\x93\xE2\x80\x94\xE2\x80\xA2";  // space - : | » – — •
constexpr std::string_view kBeforeStart = " .,;";  // ". Imagen: Télam" after a caption's last sentence

// One line of the table: where its phrase counts, for which part of which rule.
struct PhraseUse {
  uint32_t rule;
  uint32_t part;
  Where where;
  size_t longest;         // the longest paragraph the line judges
  bool longest_in_bytes;  // counted in bytes instead of characters
};

struct Rule {
  std::string name;
  std::vector<std::string> parts;  // "-" for a rule of one part
};

struct CompiledTable {
  std::vector<Rule> rules;
  std::vector<std::string_view> names;
  std::vector<PhraseUse> uses;  // one per phrase given to the automaton, same order
  size_t longest = 0;
  PhraseAutomaton automaton{{}};
};

Where parse_where(std::string_view field, const std::string& at) {
  if (field == "whole") return Where::kWhole;
  if (field == "start") return Where::kStart;
  if (field == "end") return Where::kEnd;
  if (field == "near_end") return Where::kNearEnd;
  if (field == "anywhere") return Where::kAnywhere;
  throw std::logic_error(at + "where must be whole, start, end, near_end or anywhere");
}

// "120" (characters) or "160 bytes".
void parse_longest(std::string_view field, PhraseUse& use, const std::string& at) {
  use.longest_in_bytes = field.ends_with(" bytes");
  if (use.longest_in_bytes) field.remove_suffix(6);
  const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), use.longest);
  if (error != std::errc() || end != field.data() + field.size() || use.longest == 0)
    throw std::logic_error(at + "the longest paragraph must be a number of characters, or of bytes ('160 bytes')");
}

// A phrase that starts or ends with a space is written in double quotes ("our ").
std::string parse_phrase(std::string_view field, const std::string& at) {
  if (field.size() >= 2 && field.front() == '"' && field.back() == '"') field = field.substr(1, field.size() - 2);
  if (field.empty()) throw std::logic_error(at + "empty phrase");
  std::string folded = text::fold_case(field);
  if (folded != field) throw std::logic_error(at + "phrases are written case-folded: '" + folded + "'");
  return folded;
}

CompiledTable compile(std::string_view table) {
  CompiledTable compiled;
  std::vector<std::string> phrases;
  for_each_table_row(table, [&](size_t line, const TableRow& fields) {
    const std::string at = "boilerplate_phrases.tsv:" + std::to_string(line) + ": ";
    if (fields.size() < 6 || fields.size() > 7)
      throw std::logic_error(at + "expected rule, part, language, where, longest, phrase and a note, tab-separated");
    const std::string_view name = fields[0], part = fields[1];
    if (name.empty() || part.empty() || fields[2].empty()) throw std::logic_error(at + "empty rule, part or language");
    auto rule = std::find_if(compiled.rules.begin(), compiled.rules.end(), [&](const Rule& r) { return r.name == name; });
    if (rule == compiled.rules.end()) rule = compiled.rules.insert(compiled.rules.end(), Rule{std::string(name), {}});
    auto part_at = std::find(rule->parts.begin(), rule->parts.end(), part);
    if (part_at == rule->parts.end()) part_at = rule->parts.insert(rule->parts.end(), std::string(part));
    if ((part == "-") != (rule->parts.size() == 1 && rule->parts[0] == "-"))
      throw std::logic_error(at + "a rule's parts are all named, or it has the one part '-'");
    if (rule->parts.size() > 32) throw std::logic_error(at + "a rule has at most 32 parts");
    PhraseUse use{static_cast<uint32_t>(rule - compiled.rules.begin()), static_cast<uint32_t>(part_at - rule->parts.begin()),
                  parse_where(fields[3], at), 0, false};
    parse_longest(fields[4], use, at);
    compiled.longest = std::max(compiled.longest, use.longest);
    compiled.uses.push_back(use);
    phrases.push_back(parse_phrase(fields[5], at));
  });
  compiled.automaton = PhraseAutomaton(phrases);
  for (const Rule& rule : compiled.rules) compiled.names.push_back(rule.name);
  return compiled;
}

const CompiledTable& compiled_table() {
  static const CompiledTable table = compile(kTable);
  return table;
}

}  // namespace

std::vector<std::string_view> boilerplate_phrase_rules(const FoldedParagraph& paragraph) {
  const CompiledTable& table = compiled_table();
  std::vector<std::string_view> holding;
  if (paragraph.characters > table.longest) return holding;
  const std::string_view folded = paragraph.folded;
  const size_t start = std::min(folded.find_first_not_of(kBeforeStart), folded.size());
  const size_t whole_start = std::min(folded.find_first_not_of(kAroundWhole), folded.size());
  const size_t last = folded.find_last_not_of(kAroundWhole);
  const size_t whole_end = last == std::string_view::npos ? whole_start : last + 1;
  const size_t near_end = folded.size() > kNearEndBytes ? folded.size() - kNearEndBytes : 0;

  std::vector<uint32_t> parts_found(table.rules.size(), 0);  // a bit per part
  table.automaton.find_all(folded, [&](const PhraseAutomaton::Hit& hit) {
    const PhraseUse& use = table.uses[hit.phrase];
    if ((use.longest_in_bytes ? paragraph.text.size() : paragraph.characters) > use.longest) return;
    bool placed = false;
    switch (use.where) {
      case Where::kWhole: placed = hit.start == whole_start && hit.end == whole_end; break;
      case Where::kStart: placed = hit.start == start; break;
      case Where::kEnd: placed = hit.end == folded.size(); break;
      case Where::kNearEnd: placed = hit.start >= near_end; break;
      case Where::kAnywhere: placed = true; break;
    }
    if (placed) parts_found[use.rule] |= 1u << use.part;
  });
  for (size_t rule = 0; rule < table.rules.size(); ++rule) {
    const uint32_t all_parts = (table.rules[rule].parts.size() == 32) ? ~0u : (1u << table.rules[rule].parts.size()) - 1;
    if (parts_found[rule] == all_parts) holding.push_back(table.names[rule]);
  }
  return holding;
}

const std::vector<std::string_view>& boilerplate_phrase_rule_names() { return compiled_table().names; }

size_t longest_paragraph_judged_by_phrases() { return compiled_table().longest; }

}  // namespace storyline::extract
