#pragma once
// Reading the words of class and id attributes ("post-content entry-content main"), shared by
// the extractors that judge elements by their names.
#include <initializer_list>
#include <string>
#include <string_view>

namespace storyline::extract {

// True when a space-separated token of `marks` equals one of `tokens`.
bool has_token(const std::string& marks, std::initializer_list<std::string_view> tokens);

// True when a token of `marks` starts with one of `prefixes` ("comments-area" for "comment");
// substrings inside tokens ("has-comments", "entry-footer") do not count.
bool has_token_prefix(const std::string& marks, std::initializer_list<std::string_view> prefixes);

}  // namespace storyline::extract
