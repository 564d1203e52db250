#include "storyline/eval/page_gold.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "storyline/core/table_rows.h"

namespace storyline::eval {

std::string default_gold_folder() {
#ifdef STORYLINE_SOURCE_GOLD
  if (std::filesystem::is_directory(STORYLINE_SOURCE_GOLD)) return STORYLINE_SOURCE_GOLD;
#endif
  return "gold";
}

std::vector<PageGold> load_page_gold(const std::string& gold_folder) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(gold_folder, error))
    // Only the category tables: the folder also holds other gold (stories, pairs) in other columns.
    if (entry.path().extension() == ".tsv" && entry.path().filename().string().starts_with("contest-labels-"))
      files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  std::vector<PageGold> gold;
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error(file + ": cannot open");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    for_each_table_row(bytes.str(), [&](size_t line, const TableRow& fields) {
      if (line == 1) return;  // the header
      auto where = [&] { return file + ":" + std::to_string(line) + ": "; };
      if (fields.size() < 6)
        throw std::runtime_error(where() + "expected 7 tab-separated fields, found " + std::to_string(fields.size()));
      PageGold page;
      page.path = std::string(fields[0]);
      page.language = std::string(fields[1]);
      page.site = std::string(fields[2]);
      const auto category = label::category_from_name(fields[3]);
      if (!category) throw std::runtime_error(where() + "unknown category '" + std::string(fields[3]) + "'");
      page.category = *category;
      if (fields[4] != "0" && fields[4] != "1") throw std::runtime_error(where() + "is_news must be 0 or 1");
      page.is_news = fields[4] == "1";
      page.sure = fields[5] != "unsure";
      if (fields.size() > 6) page.note = std::string(fields[6]);
      gold.push_back(std::move(page));
    });
  }
  return gold;
}

}  // namespace storyline::eval
