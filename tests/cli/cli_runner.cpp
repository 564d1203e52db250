#include "cli/cli_runner.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_paths.h"

namespace storyline::testing {

CommandResult run_storyline(const std::vector<std::string>& arguments, const std::string& input,
                            const std::string& working_directory) {
  const auto dir = std::filesystem::temp_directory_path() / ("storyline-cli-" + std::to_string(getpid()) + "-" +
                                                             std::to_string(reinterpret_cast<uintptr_t>(&arguments)));
  std::filesystem::create_directories(dir);
  const auto in_path = dir / "in", out_path = dir / "out", err_path = dir / "err";
  std::ofstream(in_path, std::ios::binary) << input;
  CommandResult result;
  const pid_t pid = fork();
  if (pid == 0) {
    std::freopen(in_path.c_str(), "rb", stdin);
    std::freopen(out_path.c_str(), "wb", stdout);
    std::freopen(err_path.c_str(), "wb", stderr);
    if (!working_directory.empty() && chdir(working_directory.c_str()) != 0) _exit(126);
    std::vector<char*> argv;
    std::string binary = storyline_binary();
    argv.push_back(binary.data());
    std::vector<std::string> copies = arguments;
    for (auto& argument : copies) argv.push_back(argument.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::stringstream out, err;
  out << std::ifstream(out_path, std::ios::binary).rdbuf();
  err << std::ifstream(err_path, std::ios::binary).rdbuf();
  result.out = out.str();
  result.err = err.str();
  std::filesystem::remove_all(dir);
  return result;
}

}  // namespace storyline::testing
