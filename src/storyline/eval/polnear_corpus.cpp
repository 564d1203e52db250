#include "storyline/eval/polnear_corpus.h"

#include <charconv>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "storyline/core/table_rows.h"
#include "storyline/eval/tar_archive.h"

namespace storyline::eval {
namespace {

// Byte offset of every code point boundary: brat counts code points, the text is UTF-8.
std::vector<size_t> code_point_offsets(std::string_view text) {
  std::vector<size_t> offsets;
  for (size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets.push_back(i);
  offsets.push_back(text.size());
  return offsets;
}

size_t to_number(std::string_view field, const std::string& where) {
  size_t value = 0;
  const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
  if (error != std::errc{} || end != field.data() + field.size())
    throw std::runtime_error(where + ": '" + std::string(field) + "' is not an offset");
  return value;
}

// "T12<TAB>..." or "E3<TAB>...": a line of that kind. A span's surface text may hold a paragraph
// break, and the line that continues it may start with any letter ("The ...").
bool starts_record(std::string_view line, char kind) {
  if (line.size() < 3 || line[0] != kind) return false;
  size_t i = 1;
  while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
  return i > 1 && i < line.size() && line[i] == '\t';
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  while (true) {
    const size_t at = text.find(separator);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) return parts;
    text.remove_prefix(at + 1);
  }
}

}  // namespace

std::vector<Attribution> parse_brat_attributions(std::string_view ann, std::string_view text, std::string_view name) {
  const std::vector<size_t> bytes_at = code_point_offsets(text);
  std::unordered_map<std::string, std::vector<ByteSpan>> spans;  // T id -> its parts
  std::vector<std::pair<size_t, std::string_view>> relations;    // line, E line's roles
  size_t number = 0;
  for (std::string_view line : split(ann, '\n')) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string where = std::string(name) + ":" + std::to_string(number);
    // A span's surface text may hold a paragraph break: its continuation lines are skipped.
    if (starts_record(line, 'T')) {
      const auto fields = split(line, '\t');
      if (fields.size() < 2) throw std::runtime_error(where + ": a T line needs an id and a span");
      const size_t space = fields[1].find(' ');
      std::vector<ByteSpan> parts;
      for (std::string_view part : split(fields[1].substr(space + 1), ';')) {
        const auto ends = split(part, ' ');
        if (space == std::string_view::npos || ends.size() != 2)
          throw std::runtime_error(where + ": expected 'type start end'");
        const size_t begin = to_number(ends[0], where), end = to_number(ends[1], where);
        if (begin > end || end >= bytes_at.size()) throw std::runtime_error(where + ": span beyond the text");
        parts.push_back({bytes_at[begin], bytes_at[end]});
      }
      spans[std::string(fields[0])] = std::move(parts);
    } else if (starts_record(line, 'E')) {
      const auto fields = split(line, '\t');
      if (fields.size() < 2) throw std::runtime_error(where + ": an E line needs an id and roles");
      relations.emplace_back(number, fields[1]);
    }
  }
  std::vector<Attribution> attributions;
  for (const auto& [line, roles] : relations) {
    Attribution attribution;
    for (std::string_view role : split(roles, ' ')) {
      const size_t colon = role.find(':');
      if (colon == std::string_view::npos) continue;
      const auto found = spans.find(std::string(role.substr(colon + 1)));
      if (found == spans.end())
        throw std::runtime_error(std::string(name) + ":" + std::to_string(line) + ": no span " +
                                 std::string(role.substr(colon + 1)));
      const std::string_view kind = role.substr(0, colon);
      if (kind.starts_with("Attribution")) continue;  // the relation's anchor, on the cue
      auto& into = kind == "Source" ? attribution.source : kind == "Cue" ? attribution.cue : attribution.content;
      into.insert(into.end(), found->second.begin(), found->second.end());
    }
    for (const ByteSpan& part : attribution.source) {
      if (!attribution.source_text.empty()) attribution.source_text += ' ';
      attribution.source_text += text.substr(part.begin, part.end - part.begin);
    }
    if (!attribution.content.empty()) attributions.push_back(std::move(attribution));
  }
  return attributions;
}

std::vector<PolnearArticle> read_polnear(const std::string& folder, std::string_view compartment) {
  const std::string metadata_path = folder + "/metadata.tsv";
  std::ifstream metadata_file(metadata_path, std::ios::binary);
  if (!metadata_file) throw std::runtime_error(metadata_path + ": cannot read");
  std::stringstream metadata;
  metadata << metadata_file.rdbuf();
  std::map<std::string, PolnearArticle> articles;  // by name, in name order
  std::unordered_map<std::string, std::string> annotator_of;
  for_each_table_row(metadata.str(), [&](size_t line, const TableRow& fields) {
    if (line == 1) return;  // the header
    if (fields.size() < 8) throw std::runtime_error(metadata_path + ":" + std::to_string(line) + ": expected 12 columns");
    if (fields[0] != compartment) return;
    PolnearArticle& article = articles[std::string(fields[1])];
    article.name = fields[1];
    article.publisher = fields[4];
    article.title = fields[7];
    annotator_of[article.name] = std::string(split(fields[3], '|').front());
  });
  const std::string archive = folder + "/polnear-train-dev-brat.tar.gz";
  std::unordered_map<std::string, std::string> files;
  for (label::TarEntry& entry : label::read_tar_gz(archive)) files[entry.path] = std::move(entry.bytes);
  const std::string prefix(compartment);
  std::vector<PolnearArticle> result;
  for (auto& [name, article] : articles) {
    const auto text = files.find(prefix + "/text/" + name + ".txt");
    const auto ann = files.find(prefix + "/attributions/" + name + "_" + annotator_of[name] + ".ann");
    if (text == files.end() || ann == files.end())
      throw std::runtime_error(archive + ": no text or annotation of " + name + " by " + annotator_of[name]);
    article.text = text->second;
    article.attributions = parse_brat_attributions(ann->second, article.text, ann->first);
    result.push_back(std::move(article));
  }
  return result;
}

}  // namespace storyline::eval
