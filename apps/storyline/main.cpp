// storyline: the command-line front of the Storyline news engine. Thin: each command parses its
// options and calls the library.
#include <CLI/CLI.hpp>

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

// Which runner belongs to which command. A grouped command (`eval clustering`) is a leaf under
// its group, so the leaves an adder made are the keys.
class CommandTable {
 public:
  void add(CLI::App& app, storyline::cli::Runner (*adder)(CLI::App&)) {
    const std::set<CLI::App*> before = all_commands(app);
    storyline::cli::Runner runner = adder(app);
    for (CLI::App* command : all_commands(app))
      if (!before.contains(command) && command->get_subcommands({}).empty()) entries_.emplace_back(command, runner);
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
  commands.add(app, storyline::cli::add_stories_command);
  commands.add(app, storyline::cli::add_serve_command);
  commands.add(app, storyline::cli::add_migrate_command);
  commands.add(app, storyline::cli::add_cluster_command);
  commands.add(app, storyline::cli::add_sources_command);
  commands.add(app, storyline::cli::add_sources_poll_command);
  commands.add(app, storyline::cli::add_worker_cluster_command);
  commands.add(app, storyline::cli::add_worker_extract_command);
  commands.add(app, storyline::cli::add_categorize_command);
  commands.add(app, storyline::cli::add_train_categories_command);
  commands.add(app, storyline::cli::add_train_entities_command);
  commands.add(app, storyline::cli::add_train_news_command);
  commands.add(app, storyline::cli::add_train_lexicon_command);

  commands.add(app, storyline::cli::add_eval_dedup_command);
  commands.add(app, storyline::cli::add_eval_extraction_command);
  commands.add(app, storyline::cli::add_eval_categories_command);
  commands.add(app, storyline::cli::add_train_scraped_text_command);
  commands.add(app, storyline::cli::add_eval_scraped_text_command);
  commands.add(app, storyline::cli::add_eval_metadata_command);
  commands.add(app, storyline::cli::add_eval_dates_command);
  commands.add(app, storyline::cli::add_eval_topics_command);
  commands.add(app, storyline::cli::add_eval_entities_command);
  commands.add(app, storyline::cli::add_eval_quotes_command);
  commands.add(app, storyline::cli::add_eval_clustering_command);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? 0 : 2;
  }
  return commands.run_parsed();
}
