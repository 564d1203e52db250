#include "storyline/core/table_rows.h"

#include <algorithm>

namespace storyline {

void for_each_table_row(std::string_view table, const std::function<void(size_t line, const TableRow& fields)>& visit) {
  size_t number = 0;
  TableRow fields;
  while (!table.empty()) {
    const size_t end = std::min(table.find('\n'), table.size());
    std::string_view line = table.substr(0, end);
    table.remove_prefix(std::min(end + 1, table.size()));
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    fields.clear();
    while (true) {
      const size_t tab = line.find('\t');
      fields.push_back(line.substr(0, tab));
      if (tab == std::string_view::npos) break;
      line.remove_prefix(tab + 1);
    }
    visit(number, fields);
  }
}

}  // namespace storyline
