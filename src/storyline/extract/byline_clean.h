#pragma once
// Author names from bylines as pages write them: "By Jane Doe and John Roe", "Von Max Muster,
// 09.10.2021", "Jane Doe, Senior Reporter | Reuters", "@jane", URLs.
#include <string>
#include <string_view>
#include <vector>

namespace storyline::extract {

// The person (or organization) names in one byline: no "By", dates, job titles, URLs or handles.
std::vector<std::string> byline_names(std::string_view byline);

// Names joined by ", ", deduplicated (case-insensitively, first spelling kept).
std::string join_names(const std::vector<std::string>& names);

}  // namespace storyline::extract
