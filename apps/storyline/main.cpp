// storyline: the command-line front of the Storyline news engine. Thin: each command parses its
// options and calls the library.
#include <CLI/CLI.hpp>

#include <string>
#include <utility>
#include <vector>

#include "commands.h"

namespace {

// Which runner belongs to which (sub)subcommand.
class CommandTable {
 public:
  void add(CLI::App& parent, storyline::cli::Runner (*adder)(CLI::App&)) {
    const size_t before = parent.get_subcommands({}).size();
    storyline::cli::Runner runner = adder(parent);
    const auto subcommands = parent.get_subcommands({});
    if (subcommands.size() > before) entries_.emplace_back(subcommands.back(), std::move(runner));
  }

  int run_parsed() const {
    for (const auto& [command, runner] : entries_)
      if (command->parsed()) return runner();
    return 2;
  }

 private:
  std::vector<std::pair<CLI::App*, storyline::cli::Runner>> entries_;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Storyline: a self-hosted news engine (extract, cluster, rank, serve)"};
  app.set_version_flag("--version", std::string("storyline ") + STORYLINE_VERSION);
  app.require_subcommand(1);
  CommandTable commands;
  commands.add(app, storyline::cli::add_extract_command);
  commands.add(app, storyline::cli::add_dedup_command);
  commands.add(app, storyline::cli::add_ingest_command);
  commands.add(app, storyline::cli::add_serve_command);

  CLI::App* eval = app.add_subcommand("eval", "Print quality figures measured on the shared datasets (../shared/data)");
  eval->require_subcommand(1);
  commands.add(*eval, storyline::cli::add_eval_dedup_command);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? 0 : 2;
  }
  return commands.run_parsed();
}
