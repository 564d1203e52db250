#include "storyline/eval/page_gold.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace storyline::eval {
namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return fields;
}

}  // namespace

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
    if (entry.path().extension() == ".tsv") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  std::vector<PageGold> gold;
  for (const std::string& file : files) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file + ": cannot open");
    std::string line;
    size_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (number == 1 || line.empty() || line.front() == '#') continue;
      const auto fields = split_tabs(line);
      auto where = [&] { return file + ":" + std::to_string(number) + ": "; };
      if (fields.size() < 6) throw std::runtime_error(where() + "expected 7 tab-separated fields, found " + std::to_string(fields.size()));
      PageGold page;
      page.path = fields[0];
      page.language = fields[1];
      page.site = fields[2];
      const auto category = label::category_from_name(fields[3]);
      if (!category) throw std::runtime_error(where() + "unknown category '" + fields[3] + "'");
      page.category = *category;
      if (fields[4] != "0" && fields[4] != "1") throw std::runtime_error(where() + "is_news must be 0 or 1");
      page.is_news = fields[4] == "1";
      page.sure = fields[5] != "unsure";
      if (fields.size() > 6) page.note = fields[6];
      gold.push_back(std::move(page));
    }
  }
  return gold;
}

}  // namespace storyline::eval
