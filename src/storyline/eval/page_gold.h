#pragma once
// Gold labels made by reading real pages (gold/*.tsv in the repository; gold/README.md says how
// they were judged): the page's language, category and whether it is news.
#include <string>
#include <vector>

#include "storyline/label/category.h"

namespace storyline::eval {

struct PageGold {
  std::string path;  // relative to the data folder (../shared/data)
  std::string language;
  std::string site;
  label::Category category = label::Category::kOther;
  bool is_news = true;
  bool sure = true;
  std::string note;
};

// Every gold/contest-labels-*.tsv file under `gold_folder` (header line, then path, language, site, category,
// is_news, confidence, note, tab-separated). Throws std::runtime_error naming file and line.
std::vector<PageGold> load_page_gold(const std::string& gold_folder);

// The gold folder of the source tree (STORYLINE_SOURCE_GOLD), or "gold" beside the working dir.
std::string default_gold_folder();

}  // namespace storyline::eval
