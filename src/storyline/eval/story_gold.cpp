#include "storyline/eval/story_gold.h"

#include <stdexcept>

#include "storyline/core/input_files.h"
#include "storyline/core/table_rows.h"

namespace storyline::eval {

std::vector<StoryGoldPage> load_story_gold(const std::string& file) {
  std::vector<StoryGoldPage> pages;
  for_each_table_row(read_file_bytes(file), [&](size_t line, const TableRow& fields) {
    if (line == 1) return;  // the header
    if (fields.size() < 4 || fields[0].empty() || fields[3].empty())
      throw std::runtime_error(file + ":" + std::to_string(line) +
                               ": expected path, language, site, story and note, tab-separated");
    pages.push_back({std::string(fields[0]), std::string(fields[1]), std::string(fields[2]), std::string(fields[3]),
                     fields.size() > 4 ? std::string(fields[4]) : std::string()});
  });
  return pages;
}

std::vector<EventPair> load_event_pairs(const std::string& file) {
  std::vector<EventPair> pairs;
  for_each_table_row(read_file_bytes(file), [&](size_t line, const TableRow& fields) {
    if (line == 1) return;
    auto where = [&] { return file + ":" + std::to_string(line) + ": "; };
    if (fields.size() < 6)
      throw std::runtime_error(where() + "expected path_a, path_b, language_a, language_b, same_event, confidence, note");
    if (fields[4] != "0" && fields[4] != "1") throw std::runtime_error(where() + "same_event must be 0 or 1");
    pairs.push_back({std::string(fields[0]), std::string(fields[1]), std::string(fields[2]), std::string(fields[3]),
                     fields[4] == "1", fields[5] != "unsure", fields.size() > 6 ? std::string(fields[6]) : std::string()});
  });
  return pairs;
}

}  // namespace storyline::eval
