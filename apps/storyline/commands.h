#pragma once
// Each subcommand registers its options on the CLI11 app and returns the function that runs it.
// Exit codes (INTERFACE.md): 0 all inputs handled, 1 some rejected, 2 usage error.
#include <functional>

namespace CLI {
class App;
}

namespace storyline::cli {

using Runner = std::function<int()>;

Runner add_extract_command(CLI::App& app);
Runner add_cluster_command(CLI::App& app);
Runner add_eval_clustering_command(CLI::App& app);  // `eval clustering`

}  // namespace storyline::cli
