// storyline: the command-line front of the Storyline news engine. Thin: each command parses its
// options and calls the library.
#include <CLI/CLI.hpp>

#include <iostream>
#include <map>
#include <string>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{"Storyline: a self-hosted news engine (extract, cluster, rank, serve)"};
  app.set_version_flag("--version", std::string("storyline ") + STORYLINE_VERSION);
  app.require_subcommand(1);
  std::map<CLI::App*, storyline::cli::Runner> runners;
  auto add = [&](storyline::cli::Runner (*adder)(CLI::App&)) {
    const size_t before = app.get_subcommands({}).size();
    storyline::cli::Runner runner = adder(app);
    auto subcommands = app.get_subcommands({});
    if (subcommands.size() > before) runners[subcommands.back()] = std::move(runner);
  };
  add(storyline::cli::add_extract_command);
  add(storyline::cli::add_train_command);
  add(storyline::cli::add_eval_command);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? 0 : 2;
  }
  for (auto& [subcommand, runner] : runners)
    if (subcommand->parsed()) return runner();
  return 2;
}
