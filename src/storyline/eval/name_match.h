#pragma once
// Comparing names as evaluations do: case-folded words, punctuation aside ("U.S." and "u.s"), a
// name holding another as a run of its words ("Boeing Co." holds "Boeing").
#include <string>
#include <vector>

namespace storyline::eval {

std::vector<std::string> folded_words(const std::string& text);

// Whether `part` is a run of consecutive words of `whole` (an empty part is not).
bool contains_run(const std::vector<std::string>& whole, const std::vector<std::string>& part);

}  // namespace storyline::eval
