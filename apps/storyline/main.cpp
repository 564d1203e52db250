// storyline: the command-line front of the Storyline news engine. Thin: each command parses its
// options and calls the library.
#include <CLI/CLI.hpp>

#include <iostream>
#include <functional>
#include <map>
#include <set>
#include <string>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{"Storyline: a self-hosted news engine (extract, cluster, rank, serve)"};
  app.set_version_flag("--version", std::string("storyline ") + STORYLINE_VERSION);
  app.require_subcommand(1);
  std::map<CLI::App*, storyline::cli::Runner> runners;
  // A command may sit in a group (`eval clustering`): its runner belongs to the leaf it added.
  std::function<void(CLI::App*, std::set<CLI::App*>&)> collect = [&](CLI::App* parent, std::set<CLI::App*>& all) {
    for (CLI::App* child : parent->get_subcommands({})) {
      all.insert(child);
      collect(child, all);
    }
  };
  auto add = [&](storyline::cli::Runner (*adder)(CLI::App&)) {
    std::set<CLI::App*> before, after;
    collect(&app, before);
    storyline::cli::Runner runner = adder(app);
    collect(&app, after);
    for (CLI::App* added : after)
      if (!before.count(added) && added->get_subcommands({}).empty()) runners[added] = runner;
  };
  add(storyline::cli::add_extract_command);
  add(storyline::cli::add_cluster_command);
  add(storyline::cli::add_eval_clustering_command);
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
