// storyline: the command-line front of the Storyline news engine. Thin: each command parses its
// options and calls the library.
#include <CLI/CLI.hpp>

#include <iostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "commands.h"

namespace {

std::set<CLI::App*> all_commands(CLI::App& app) {
  std::set<CLI::App*> commands;
  for (CLI::App* command : app.get_subcommands({})) {
    commands.insert(command);
    commands.merge(all_commands(*command));
  }
  return commands;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Storyline: a self-hosted news engine (extract, cluster, rank, serve)"};
  app.set_version_flag("--version", std::string("storyline ") + STORYLINE_VERSION);
  app.require_subcommand(1);
  // Each runner belongs to the command its adder made; grouped commands (`eval X`, `train X`)
  // share a parent, so the leaf command is the key.
  std::vector<std::pair<CLI::App*, storyline::cli::Runner>> runners;
  auto add = [&](storyline::cli::Runner (*adder)(CLI::App&)) {
    const std::set<CLI::App*> before = all_commands(app);
    storyline::cli::Runner runner = adder(app);
    for (CLI::App* command : all_commands(app))
      if (!before.contains(command) && command->get_subcommands({}).empty()) runners.emplace_back(command, runner);
  };
  add(storyline::cli::add_extract_command);
  add(storyline::cli::add_categorize_command);
  add(storyline::cli::add_train_categories_command);
  add(storyline::cli::add_eval_categories_command);
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
