#pragma once
// Rows of the tab-separated rule tables compiled into the library (section_categories.tsv,
// not_news_phrases.tsv): blank lines and lines starting with '#' are skipped, a trailing CR is
// dropped, and each row is handed over with its line number for error messages.
#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace storyline {

using TableRow = std::vector<std::string_view>;  // the row's fields, views into the table

void for_each_table_row(std::string_view table, const std::function<void(size_t line, const TableRow& fields)>& visit);

}  // namespace storyline
