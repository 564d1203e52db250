#pragma once
// Runs the built `storyline` executable for end-to-end tests and captures what it printed.
#include <string>
#include <vector>

namespace storyline::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// `arguments` are passed as they are (no shell); `input` goes to standard input; the command runs
// in `working_directory` when one is given (where default paths such as ./storyline.db land).
CommandResult run_storyline(const std::vector<std::string>& arguments, const std::string& input = "",
                            const std::string& working_directory = "");

}  // namespace storyline::testing
